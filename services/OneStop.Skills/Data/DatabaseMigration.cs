using Microsoft.EntityFrameworkCore;

namespace OneStop.Skills.Data;

/// <summary>Applies migrations before the service takes calls (registered first, so before Kestrel starts).</summary>
public sealed class DatabaseMigration(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SkillsDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
