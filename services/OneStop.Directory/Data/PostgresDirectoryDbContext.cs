using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Directory.Data;

/// <summary>
/// The directory on PostgreSQL (Npgsql), for production. Owns the migrations in Data/Migrations/Postgres; adds
/// nothing to the model.
/// </summary>
public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options);

/// <summary>
/// Lets `dotnet ef --context PostgresDirectoryDbContext` build the context without starting the host. Generating a
/// migration does not connect, so the connection string only has to parse.
/// </summary>
public sealed class PostgresDirectoryDbContextFactory : IDesignTimeDbContextFactory<PostgresDirectoryDbContext>
{
    public PostgresDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql("Host=localhost;Database=directory-design").Options);
}
