using Microsoft.EntityFrameworkCore;
using OneStop.Gateway.Web.SignIn;

namespace OneStop.Gateway.Tests;

/// <summary>
/// The sign-in store's schema comes from its checked-in migrations, applied at start-up; a model change (an Identity
/// upgrade, an option that shapes the schema) needs a new one (docs/operations.md). Compares the model with the
/// migration snapshot, as `dotnet ef migrations has-pending-model-changes` does, without opening the database.
/// </summary>
public sealed class SignInStoreMigrationTests
{
    [Fact]
    public void Migrations_cover_the_sign_in_store_model()
    {
        using var context = new GatewayIdentityDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(),
            "The sign-in store's model has changes that no migration covers: dotnet ef migrations add NAME " +
            "--project gateway/OneStop.Gateway --context GatewayIdentityDbContext --output-dir Web/SignIn/Migrations");
    }
}
