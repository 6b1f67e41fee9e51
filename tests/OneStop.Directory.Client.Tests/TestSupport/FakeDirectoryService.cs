using System.Collections.Concurrent;
using Grpc.Core;
using OneStop.Directory.V1;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>
/// The Directory service's Get* methods over in-memory dictionaries, counting calls. <see cref="HoldCalls"/> parks
/// every Get until <see cref="ReleaseCalls"/>, so a test can line up concurrent lookups behind one load.
/// </summary>
public sealed class FakeDirectoryService : DirectoryService.DirectoryServiceBase
{
    private int _getServiceCalls;
    private int _getOrganizationCalls;
    private int _getLocationCalls;
    private volatile TaskCompletionSource? _hold;

    public ConcurrentDictionary<string, Service> Services { get; } = new();
    public ConcurrentDictionary<string, Organization> Organizations { get; } = new();
    public ConcurrentDictionary<string, Location> Locations { get; } = new();

    public int GetServiceCalls => Volatile.Read(ref _getServiceCalls);
    public int GetOrganizationCalls => Volatile.Read(ref _getOrganizationCalls);
    public int GetLocationCalls => Volatile.Read(ref _getLocationCalls);
    public int GetCalls => GetServiceCalls + GetOrganizationCalls + GetLocationCalls;

    public void HoldCalls() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseCalls() => _hold?.TrySetResult();

    public override async Task<Service> GetService(GetServiceRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _getServiceCalls);
        await WaitWhileHeld(context);
        return Services.TryGetValue(request.Id, out var service) ? service : throw NotFound("service", request.Id);
    }

    public override async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _getOrganizationCalls);
        await WaitWhileHeld(context);
        return Organizations.TryGetValue(request.Id, out var organization) ? organization : throw NotFound("organization", request.Id);
    }

    public override async Task<Location> GetLocation(GetLocationRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _getLocationCalls);
        await WaitWhileHeld(context);
        return Locations.TryGetValue(request.Id, out var location) ? location : throw NotFound("location", request.Id);
    }

    private async Task WaitWhileHeld(ServerCallContext context)
    {
        if (_hold is { } hold) await hold.Task.WaitAsync(context.CancellationToken);
    }

    private static RpcException NotFound(string entity, string id) => new(new Status(StatusCode.NotFound, $"{entity} {id} not found"));
}
