using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.Data;

namespace OneStop.Referrals.Tests.Data;

/// <summary>
/// Every model change needs a migration for each provider (docs/operations.md): the model is compared with each
/// provider's migration snapshot, as `dotnet ef migrations has-pending-model-changes` does. No connection is opened.
/// </summary>
public sealed class MigrationCoverageTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var context = new SqliteReferralsDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The referrals model has changes that no SQLite migration covers: dotnet ef migrations add NAME " +
            "--project services/OneStop.Referrals --context SqliteReferralsDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var context = new PostgresReferralsDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The referrals model has changes that no PostgreSQL migration covers: dotnet ef migrations add NAME " +
            "--project services/OneStop.Referrals --context PostgresReferralsDbContext --output-dir Data/Migrations/Postgres");
    }
}
