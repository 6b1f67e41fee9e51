using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Directory.Data;

/// <summary>
/// Lets `dotnet ef` build the context without starting the host (which would bind ports and reach for Redis).
/// Migrations are generated against SQLite, the embedded default.
/// </summary>
public sealed class DirectoryDbContextFactory : IDesignTimeDbContextFactory<DirectoryDbContext>
{
    public DirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DirectoryDbContext>().UseSqlite("Data Source=directory-design.db").Options);
}
