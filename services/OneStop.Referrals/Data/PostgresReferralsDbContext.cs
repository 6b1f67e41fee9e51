using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Referrals.Data;

/// <summary>The referrals service on PostgreSQL (Npgsql), for production; owns Data/Migrations/Postgres.</summary>
public sealed class PostgresReferralsDbContext(DbContextOptions<PostgresReferralsDbContext> options) : ReferralsDbContext(options);

/// <summary>Lets `dotnet ef --context PostgresReferralsDbContext` build the context; generating a migration does not connect.</summary>
public sealed class PostgresReferralsDbContextFactory : IDesignTimeDbContextFactory<PostgresReferralsDbContext>
{
    public PostgresReferralsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReferralsDbContext>().UseNpgsql("Host=localhost;Database=referrals-design").Options);
}
