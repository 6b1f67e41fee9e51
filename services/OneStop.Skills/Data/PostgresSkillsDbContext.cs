using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Skills.Data;

/// <summary>The skills service on PostgreSQL (Npgsql), for production; owns Data/Migrations/Postgres.</summary>
public sealed class PostgresSkillsDbContext(DbContextOptions<PostgresSkillsDbContext> options) : SkillsDbContext(options);

/// <summary>Lets `dotnet ef --context PostgresSkillsDbContext` build the context; generating a migration does not connect.</summary>
public sealed class PostgresSkillsDbContextFactory : IDesignTimeDbContextFactory<PostgresSkillsDbContext>
{
    public PostgresSkillsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSkillsDbContext>().UseNpgsql("Host=localhost;Database=skills-design").Options);
}
