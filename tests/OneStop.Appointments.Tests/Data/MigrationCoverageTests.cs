using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;

namespace OneStop.Appointments.Tests.Data;

/// <summary>
/// Every model change needs a migration for each provider (docs/operations.md). Each test compares the model with
/// that provider's migration snapshot, as `dotnet ef migrations has-pending-model-changes` does, on the context
/// built by the same design-time factory dotnet ef uses. Neither opens a connection, so no PostgreSQL server is
/// needed.
/// </summary>
public sealed class MigrationCoverageTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var context = new SqliteAppointmentsDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The appointments model has changes that no SQLite migration covers: dotnet ef migrations add NAME " +
            "--project services/OneStop.Appointments --context SqliteAppointmentsDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var context = new PostgresAppointmentsDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The appointments model has changes that no PostgreSQL migration covers: dotnet ef migrations add NAME " +
            "--project services/OneStop.Appointments --context PostgresAppointmentsDbContext --output-dir Data/Migrations/Postgres");
    }
}
