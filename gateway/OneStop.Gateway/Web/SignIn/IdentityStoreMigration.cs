using Microsoft.EntityFrameworkCore;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>Applies the sign-in store's checked-in migrations when the gateway starts, before it serves requests.</summary>
internal sealed class IdentityStoreMigration(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GatewayIdentityDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
