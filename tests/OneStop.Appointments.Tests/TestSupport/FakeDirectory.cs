using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Directory.V1;

namespace OneStop.Appointments.Tests.TestSupport;

/// <summary>
/// A stand-in for the Directory service (this project must not reference it): its Get* methods over in-memory
/// dictionaries, on a real Kestrel (h2c, 127.0.0.1, a free port), reached by the service's OneStop.Directory.Client.
/// </summary>
public sealed class FakeDirectory : DirectoryService.DirectoryServiceBase, IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentDictionary<string, Organization> Organizations { get; } = new();
    public ConcurrentDictionary<string, Location> Locations { get; } = new();
    public ConcurrentDictionary<string, Service> Services { get; } = new();

    /// <summary>"http://127.0.0.1:{port}".</summary>
    public string Address { get; private set; } = "";

    public static async Task<FakeDirectory> StartAsync()
    {
        var directory = new FakeDirectory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(directory);
        directory._app = builder.Build();
        directory._app.MapGrpcService<FakeDirectory>();
        await directory._app.StartAsync();
        directory.Address = directory._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            .Replace("[::1]", "127.0.0.1");
        return directory;
    }

    /// <summary>Settings for the appointments host: directory checks on, this directory, no in-process caching (every lookup asks).</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings() => new Dictionary<string, string?>
    {
        ["OneStop:Appointments:ValidateDirectoryIds"] = "true",
        ["OneStop:Appointments:CalendarTextFromDirectory"] = "true",
        ["OneStop:Directory:DirectoryAddress"] = Address,
        ["OneStop:Directory:Ttl"] = "00:00:00",
        ["OneStop:Directory:StaleWhileRevalidate"] = "00:00:00",
    };

    public FakeDirectory WithOrganization(string id)
    {
        Organizations[id] = new Organization { Id = id, Name = id };
        return this;
    }

    public FakeDirectory WithLocation(string id, string organizationId)
    {
        Locations[id] = new Location { Id = id, OrganizationId = organizationId, Name = id };
        return this;
    }

    public FakeDirectory WithService(string id, string organizationId, params string[] languages)
    {
        Services[id] = new Service { Id = id, OrganizationId = organizationId, Name = id, Status = ServiceStatus.Active, Languages = { languages } };
        return this;
    }

    public override Task<Service> GetService(GetServiceRequest request, ServerCallContext context) =>
        Services.TryGetValue(request.Id, out var service) ? Task.FromResult(service) : throw NotFound("service", request.Id);

    private int _organizationCallsToHang;
    private int _organizationCalls;

    /// <summary>How many GetOrganization calls reached this directory, hung ones included.</summary>
    public int OrganizationCalls => Volatile.Read(ref _organizationCalls);

    /// <summary>
    /// The next <paramref name="calls"/> GetOrganization calls never answer: each waits until the caller gives up
    /// (the client's per-attempt timeout), as a directory too loaded to answer would.
    /// </summary>
    public FakeDirectory HangingOrganizationCalls(int calls)
    {
        Volatile.Write(ref _organizationCallsToHang, calls);
        return this;
    }

    public override async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _organizationCalls);
        if (Interlocked.Decrement(ref _organizationCallsToHang) >= 0)
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return Organizations.TryGetValue(request.Id, out var organization) ? organization : throw NotFound("organization", request.Id);
    }

    public override Task<Location> GetLocation(GetLocationRequest request, ServerCallContext context) =>
        Locations.TryGetValue(request.Id, out var location) ? Task.FromResult(location) : throw NotFound("location", request.Id);

    private static RpcException NotFound(string entity, string id) => new(new Status(StatusCode.NotFound, $"{entity} {id} not found"));

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
