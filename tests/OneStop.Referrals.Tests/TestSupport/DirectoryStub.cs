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

namespace OneStop.Referrals.Tests.TestSupport;

/// <summary>
/// A stand-in for the Directory service (services may not reference each other): GetService over a dictionary, on a
/// real Kestrel at 127.0.0.1 on a free port, reached through the service's OneStop.Directory.Client.
/// </summary>
public sealed class DirectoryStub : DirectoryService.DirectoryServiceBase, IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentDictionary<string, Service> Services { get; } = new();

    public string Address { get; private set; } = "";

    public static async Task<DirectoryStub> StartAsync()
    {
        var directory = new DirectoryStub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(directory);
        directory._app = builder.Build();
        directory._app.MapGrpcService<DirectoryStub>();
        await directory._app.StartAsync();
        directory.Address = directory._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            .Replace("[::1]", "127.0.0.1");
        foreach (var (id, organization, region) in Scenario.DirectoryServices) directory.WithService(id, organization, region);
        return directory;
    }

    public DirectoryStub WithService(string id, string organizationId, string regionAgs)
    {
        Services[id] = new Service
        {
            Id = id, OrganizationId = organizationId, Name = id, Status = ServiceStatus.Active,
            Ownership = new Ownership { OrganizationId = organizationId, RegionAgs = regionAgs },
        };
        return this;
    }

    public override Task<Service> GetService(GetServiceRequest request, ServerCallContext context) =>
        Services.TryGetValue(request.Id, out var service)
            ? Task.FromResult(service)
            : throw new RpcException(new Status(StatusCode.NotFound, $"service {request.Id}"));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
