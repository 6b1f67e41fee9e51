using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Directory.Domain;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using static OneStop.Directory.Tests.TestSupport.TestData;

namespace OneStop.Directory.Tests.Grpc;

public sealed class WatchChangesTests
{
    [Fact]
    public async Task From_zero_replays_history_in_order_then_streams_new_changes()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var organization = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-a") });
        var service = await admin.UpsertServiceAsync(new UpsertServiceRequest { Service = Service("svc-1", "org-a") });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = host.Client().WatchChanges(new WatchChangesRequest { FromVersion = 0 }, cancellationToken: timeout.Token);
        var stream = call.ResponseStream;

        Assert.True(await stream.MoveNext(timeout.Token));
        Assert.Equal(organization, stream.Current.Organization);
        Assert.Equal(ChangeKind.Upserted, stream.Current.Kind);
        var firstVersion = stream.Current.Version;
        Assert.True(await stream.MoveNext(timeout.Token));
        Assert.Equal(service, stream.Current.Service);
        Assert.True(stream.Current.Version > firstVersion);

        var deleted = await admin.DeleteServiceAsync(new DeleteRequest { Id = "svc-1", Etag = service.Etag });
        Assert.True(await stream.MoveNext(timeout.Token));
        Assert.Equal(deleted.Version, stream.Current.Version);
        Assert.Equal(ChangeKind.Deleted, stream.Current.Kind);
        Assert.Equal(EntityType.Service, stream.Current.EntityType);
        Assert.Equal("svc-1", stream.Current.Id);
        Assert.Equal(Change.EntityOneofCase.None, stream.Current.EntityCase);
    }

    [Fact]
    public async Task From_a_version_skips_older_changes_and_misses_none_under_concurrent_writes()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var admin = host.ClientFor(KreisAdmin);
        var first = await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization("org-0") });
        var from = long.Parse(first.Etag, System.Globalization.CultureInfo.InvariantCulture);

        // Writes race with the watch starting: every later version must arrive exactly once, in order.
        var writes = Task.Run(async () =>
        {
            for (var i = 1; i <= 20; i++) await admin.UpsertOrganizationAsync(new UpsertOrganizationRequest { Organization = Organization($"org-{i}") });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = host.Client().WatchChanges(new WatchChangesRequest { FromVersion = from }, cancellationToken: timeout.Token);
        var versions = new List<long>();
        while (versions.Count < 20 && await call.ResponseStream.MoveNext(timeout.Token)) versions.Add(call.ResponseStream.Current.Version);
        await writes;

        Assert.Equal(Enumerable.Range(1, 20).Select(i => from + i), versions);
    }

    [Fact]
    public async Task Watch_ends_when_the_client_cancels()
    {
        await using var host = await DirectoryTestHost.StartAsync();
        var feed = host.Services.GetRequiredService<ChangeFeed>();
        using var cancel = new CancellationTokenSource();
        using var call = host.Client().WatchChanges(new WatchChangesRequest(), cancellationToken: cancel.Token);
        var next = call.ResponseStream.MoveNext(cancel.Token);
        for (var i = 0; i < 100 && feed.SubscriberCount == 0; i++) await Task.Delay(20);
        Assert.Equal(1, feed.SubscriberCount);

        await cancel.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => next);
        Assert.True(ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled }, ex.ToString());
        for (var i = 0; i < 100 && feed.SubscriberCount > 0; i++) await Task.Delay(20);
        Assert.Equal(0, feed.SubscriberCount);
    }
}
