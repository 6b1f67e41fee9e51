using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Data;

namespace OneStop.Directory.ReadModel;

/// <summary>
/// Before the service answers: applies migrations and loads the search index. Runs as the first hosted service, so
/// it finishes before Kestrel starts taking calls.
/// </summary>
public sealed class DirectoryStartup(IServiceScopeFactory scopes, SearchIndexHolder index, ILogger<DirectoryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var contents = await DirectoryContents.LoadAsync(db, cancellationToken);
        index.Load(contents.Services, contents.Organizations, contents.Regions);
        logger.LogInformation("Directory loaded at version {Version}: {Services} services, {Organizations} organizations",
            contents.Version, contents.Services.Count, contents.Organizations.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
