using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Referrals.Data;

/// <summary>The referrals service on SQLite, the embedded default; owns Data/Migrations/Sqlite.</summary>
public sealed class SqliteReferralsDbContext(DbContextOptions<SqliteReferralsDbContext> options) : ReferralsDbContext(options);

/// <summary>Lets `dotnet ef --context SqliteReferralsDbContext` build the context without starting the host.</summary>
public sealed class SqliteReferralsDbContextFactory : IDesignTimeDbContextFactory<SqliteReferralsDbContext>
{
    public SqliteReferralsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReferralsDbContext>().UseSqlite("Data Source=referrals-design.db").Options);
}
