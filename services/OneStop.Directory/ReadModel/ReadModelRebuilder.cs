using System.Threading.Channels;
using OneStop.Directory.Client;
using OneStop.Directory.Data;

namespace OneStop.Directory.ReadModel;

/// <summary>
/// Rebuilds the whole Redis read model: once at start (Redis may have been flushed or be new), whenever the
/// writer raises RebuildNeeded (it missed changes while Redis was away), and when a periodic look at
/// NeedsRebuild says so. Requests are coalesced; rebuilding twice in a row gains nothing.
/// </summary>
public sealed class ReadModelRebuilder(IServiceScopeFactory scopes, ChangePublisher publisher, DirectoryReadModelWriter writer,
    TimeProvider clock, ILogger<ReadModelRebuilder> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        writer.RebuildNeeded += OnRebuildNeeded;
        using var timer = new PeriodicTimer(CheckInterval, clock);
        var ticks = TickAsync(timer, stoppingToken);
        try
        {
            Request();
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken)) await RebuildOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            writer.RebuildNeeded -= OnRebuildNeeded;
            await ticks;
        }
    }

    private void OnRebuildNeeded() => Request();

    private async Task TickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (writer.NeedsRebuild) Request();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RebuildOnceAsync(CancellationToken ct)
    {
        try
        {
            await RebuildAsync(scopes, publisher, writer, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Redis is an accelerator, never the truth: a failed rebuild is retried on the next request or tick.
            logger.LogWarning(ex, "Rebuilding the Redis read model failed");
        }
    }

    /// <summary>
    /// Under the write gate, so no change commits between reading the directory and writing it out with its version.
    /// </summary>
    public static async Task RebuildAsync(IServiceScopeFactory scopes, ChangePublisher publisher, DirectoryReadModelWriter writer, CancellationToken ct)
    {
        using var gate = await publisher.EnterWriteAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var contents = await DirectoryContents.LoadAsync(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>(), ct);
        await writer.RebuildAsync(contents.Organizations.ToList(), contents.Services.ToList(), contents.Locations.ToList(), contents.Version, ct);
    }
}
