using Grpc.Reflection.V1Alpha;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Reflection;

/// <summary>grpc.testing.TestService with nothing overridden: reflection only needs it mapped.</summary>
public sealed class DescribedTestService : TestService.TestServiceBase;

/// <summary>A Kestrel host serving reflection (both versions), health and grpc.testing.TestService.</summary>
public sealed class ReflectionTestHost : IAsyncDisposable
{
    public const string V1AlphaPath = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
    public const string V1Path = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";

    private ReflectionTestHost(TestHost host)
    {
        Host = host;
        Client = new RawGrpcStreamingClient(host.Address);
    }

    public TestHost Host { get; }
    public RawGrpcStreamingClient Client { get; }

    public static async Task<ReflectionTestHost> StartAsync()
    {
        var host = await TestHost.StartAsync(
            services =>
            {
                services.AddGrpc();
                services.AddGrpcReflection();
                services.AddGrpcHealthChecks();
            },
            endpoints =>
            {
                endpoints.MapGrpcService<DescribedTestService>();
                endpoints.MapGrpcHealthChecksService();
                endpoints.MapGrpcReflectionService();
            });
        return new ReflectionTestHost(host);
    }

    /// <summary>Sends each request on one stream (v1alpha messages; v1's wire format is the same), reading one answer each.</summary>
    public async Task<IReadOnlyList<ServerReflectionResponse>> AskAsync(string path, CancellationToken cancellationToken, params ServerReflectionRequest[] requests)
    {
        await using var call = Client.Start(path, cancellationToken);
        var responses = new List<ServerReflectionResponse>();
        foreach (var request in requests)
        {
            await call.SendAsync(request);
            responses.Add(await call.ReadAsync(ServerReflectionResponse.Parser, cancellationToken)
                ?? throw new InvalidOperationException($"The stream ended before answering {request}."));
        }
        call.CompleteRequests();
        Assert.Null(await call.ReadAsync(ServerReflectionResponse.Parser, cancellationToken));
        Assert.Equal(0, (await call.GetStatusAsync()).Status);
        return responses;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
