using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Grpc.Tests.TestSupport;

/// <summary>What the scripted service does for each call; a test sets the delegates it needs.</summary>
public sealed class Script
{
    public Func<SimpleRequest, ServerCallContext, Task<SimpleResponse>> Unary { get; set; } = (_, _) => Task.FromResult(new SimpleResponse());
    public Func<IAsyncStreamReader<StreamingInputCallRequest>, ServerCallContext, Task<StreamingInputCallResponse>>? ClientStreaming { get; set; }
    public Func<StreamingOutputCallRequest, IServerStreamWriter<StreamingOutputCallResponse>, ServerCallContext, Task>? ServerStreaming { get; set; }
    public Func<IAsyncStreamReader<StreamingOutputCallRequest>, IServerStreamWriter<StreamingOutputCallResponse>, ServerCallContext, Task>? Duplex { get; set; }

    /// <summary>Set when a handler saw its cancellation token fire.</summary>
    public TaskCompletionSource HandlerCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;
}

/// <summary>grpc.testing.TestService whose behaviour each test scripts.</summary>
public sealed class ScriptedTestService(Script script) : TestService.TestServiceBase
{
    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref script.Calls);
        context.CancellationToken.Register(() => script.HandlerCancelled.TrySetResult());
        return script.Unary(request, context);
    }

    public override Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context) =>
        (script.ClientStreaming ?? throw new RpcException(new Status(StatusCode.Unimplemented, "")))(requestStream, context);

    public override Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) =>
        (script.ServerStreaming ?? throw new RpcException(new Status(StatusCode.Unimplemented, "")))(request, responseStream, context);

    public override Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        context.CancellationToken.Register(() => script.HandlerCancelled.TrySetResult());
        return (script.Duplex ?? throw new RpcException(new Status(StatusCode.Unimplemented, "")))(requestStream, responseStream, context);
    }
}

/// <summary>Starts a <see cref="TestHost"/> serving the scripted service.</summary>
public static class ScriptedHost
{
    public static Task<TestHost> StartAsync(Script script, Action<GrpcServiceOptions>? options = null, Action<IServiceCollection>? services = null) =>
        TestHost.StartAsync(s =>
        {
            s.AddSingleton(script);
            s.AddGrpc(options);
            services?.Invoke(s);
        }, e => e.MapGrpcService<ScriptedTestService>());
}
