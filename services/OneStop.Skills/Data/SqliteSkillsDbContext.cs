using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Skills.Data;

/// <summary>The skills service on SQLite, the embedded default; owns Data/Migrations/Sqlite.</summary>
public sealed class SqliteSkillsDbContext(DbContextOptions<SqliteSkillsDbContext> options) : SkillsDbContext(options);

/// <summary>Lets `dotnet ef --context SqliteSkillsDbContext` build the context without starting the host.</summary>
public sealed class SqliteSkillsDbContextFactory : IDesignTimeDbContextFactory<SqliteSkillsDbContext>
{
    public SqliteSkillsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSkillsDbContext>().UseSqlite("Data Source=skills-design.db").Options);
}
