using Microsoft.EntityFrameworkCore;

namespace OneStop.Appointments.Data;

/// <summary>Applies migrations before the service takes calls (the first hosted service, so before Kestrel starts).</summary>
public sealed class DatabaseMigration(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
