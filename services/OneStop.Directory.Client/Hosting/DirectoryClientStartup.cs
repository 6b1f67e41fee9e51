using Microsoft.Extensions.Hosting;

namespace OneStop.Directory.Client;

/// <summary>
/// Creates the <see cref="DirectoryClient"/> when the host starts, so its invalidation subscription is in place before
/// the first request instead of being set up by it. Does not hold up start-up while Redis is down.
/// </summary>
internal sealed class DirectoryClientStartup(DirectoryClient client) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => client.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
