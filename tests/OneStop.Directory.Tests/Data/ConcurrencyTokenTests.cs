using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Data;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Data;

/// <summary>
/// The service serializes its own writes, so this is the guard for a second writer (another instance, the seed
/// command): two contexts that read the same version cannot both save.
/// </summary>
public sealed class ConcurrencyTokenTests : IDisposable
{
    private readonly string _directory = DirectoryTestHost.NewDataDirectory();

    [Fact]
    public async Task Second_writer_with_the_same_version_fails()
    {
        await using (var setup = NewContext())
        {
            await setup.Database.MigrateAsync();
            var record = new OrganizationRecord();
            record.Store(TestData.Organization("org-a"), 1, DateTime.UtcNow, TestData.Owned("org-a"));
            setup.Organizations.Add(record);
            await setup.SaveChangesAsync();
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Organizations.SingleAsync();
        var b = await second.Organizations.SingleAsync();
        a.Store(TestData.Organization("org-a"), 2, DateTime.UtcNow, TestData.Owned("org-a"));
        b.Store(TestData.Organization("org-a"), 3, DateTime.UtcNow, TestData.Owned("org-a"));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = NewContext();
        Assert.Equal(2, (await check.Organizations.SingleAsync()).Version);
    }

    private SqliteDirectoryDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_directory, "directory.db")}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
