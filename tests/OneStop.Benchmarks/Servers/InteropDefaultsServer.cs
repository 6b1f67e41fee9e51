using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Grpc.InteropServer;
using OneStop.ServiceDefaults.Grpc;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// `interop-defaults`: the interop TestServiceImpl hosted the way every OneStop service is (see the directory's
/// Program.cs): <c>WebApplication.CreateBuilder</c>, <c>AddServiceDefaults</c> (Kestrel h2c on 127.0.0.1, console
/// logging with the services' filters, gRPC with health and reflection, JWT bearer authentication),
/// an <see cref="ExceptionMappingInterceptor"/> on the service as the directory and appointments register theirs,
/// and <c>MapDefaultEndpoints</c> (authentication and authorization middleware, health, reflection).
/// Configuration comes from the environment like a service's: <c>OneStop__Port=0</c> for a free port and
/// <c>OneStop__Auth__UseDevelopmentKey=true</c> (run-hosting-h2load.sh sets both). The calls are anonymous.
/// For finding out which part costs what, switches leave one part out or change it (never in the measured default):
/// <c>--slim-builder</c> (<c>CreateSlimBuilder</c>, as the bare server), <c>--no-interceptor</c>, and
/// <c>--singleton-interceptor</c> (the interceptor registered in DI as a singleton: grpc-dotnet then takes that
/// instance instead of creating and disposing one per call), and <c>--fast-path-interceptor</c> (the same mapping with
/// a unary fast path, a candidate change to ExceptionMappingInterceptor measured here before anyone makes it). Authentication
/// cannot be left out this way: WebApplication adds the authentication and authorization middleware by itself when
/// their services are registered, and AddServiceDefaults always registers them.
/// </summary>
internal static class InteropDefaultsServer
{
    public static async Task RunAsync(string[] args)
    {
        var builder = args.Contains("--slim-builder")
            ? WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] })
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.AddServiceDefaults("interop-benchmark", defaultPort: 0);
        if (args.Contains("--singleton-interceptor"))
            builder.Services.AddSingleton<NoDomainErrorsInterceptor>();
        if (args.Contains("--fast-path-interceptor"))
            builder.Services.AddGrpc().AddServiceOptions<TestServiceImpl>(o => o.Interceptors.Add<FastPathNoDomainErrorsInterceptor>());
        else if (!args.Contains("--no-interceptor"))
            builder.Services.AddGrpc().AddServiceOptions<TestServiceImpl>(o => o.Interceptors.Add<NoDomainErrorsInterceptor>());

        await using var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        app.MapDefaultEndpoints();
        await app.StartAsync().ConfigureAwait(false);

        // The same line as the other servers, on stdout, which the script waits for (the service's own log line goes
        // through the console logger).
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine($"listening on 127.0.0.1:{new Uri(address).Port}");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }

    /// <summary>Maps nothing (TestServiceImpl throws only RpcExceptions), but costs what a service's interceptor costs per call.</summary>
    private sealed class NoDomainErrorsInterceptor : ExceptionMappingInterceptor
    {
        protected override RpcException? ToRpc(Exception exception) => null;
    }

    /// <summary>
    /// NoDomainErrorsInterceptor with a unary fast path: a call that has already completed successfully is handed
    /// back as it is, and only a pending or failed one goes through the async try/catch (the same mapping).
    /// </summary>
    private sealed class FastPathNoDomainErrorsInterceptor : ExceptionMappingInterceptor
    {
        protected override RpcException? ToRpc(Exception exception) => null;

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Task<TResponse> call;
            try
            {
                call = continuation(request, context);
            }
            catch (Exception ex) when (ToRpc(ex) is { } rpc)
            {
                throw rpc;
            }
            return call.IsCompletedSuccessfully ? call : base.UnaryServerHandler(request, context, (_, _) => call);
        }
    }
}
