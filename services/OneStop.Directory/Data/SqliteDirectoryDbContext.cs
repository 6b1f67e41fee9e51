using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Directory.Data;

/// <summary>
/// The directory on SQLite, the embedded default. Owns the migrations in Data/Migrations/Sqlite; adds nothing to
/// the model.
/// </summary>
public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options);

/// <summary>
/// Lets `dotnet ef --context SqliteDirectoryDbContext` build the context without starting the host (which would bind
/// ports and reach for Redis). Generating a migration does not open the file.
/// </summary>
public sealed class SqliteDirectoryDbContextFactory : IDesignTimeDbContextFactory<SqliteDirectoryDbContext>
{
    public SqliteDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=directory-design.db").Options);
}
