using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Testing;
using OneStop.Grpc.Tests.TestSupport;

namespace OneStop.Grpc.Tests.Server;

public class InterceptorTests
{
    public sealed class Recorder
    {
        public List<string> Log { get; } = new();
    }

    public sealed class NamedServerInterceptor(Recorder recorder, string name) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            recorder.Log.Add(name + ">");
            var response = await continuation(request, context);
            recorder.Log.Add("<" + name);
            return response;
        }
    }

    public sealed class HeaderAddingClientInterceptor(List<string> log, string name) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            log.Add(name);
            var headers = new Metadata();
            foreach (var entry in context.Options.Headers ?? []) headers.Add(entry);
            headers.Add("x-" + name, "yes");
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }
    }

    [Fact]
    public async Task Server_interceptors_run_in_registration_order_around_the_handler()
    {
        var recorder = new Recorder();
        var script = new Script { Unary = (_, _) => { recorder.Log.Add("handler"); return Task.FromResult(new SimpleResponse()); } };
        await using var host = await ScriptedHost.StartAsync(script, o =>
        {
            o.Interceptors.Add<NamedServerInterceptor>(recorder, "outer");
            o.Interceptors.Add<NamedServerInterceptor>(recorder, "inner");
        });
        using var channel = host.CreateChannel();

        await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest());

        Assert.Equal(new[] { "outer>", "inner>", "handler", "<inner", "<outer" }, recorder.Log);
    }

    [Fact]
    public async Task Client_interceptors_run_in_array_order()
    {
        var order = new List<string>();
        Metadata? seen = null;
        var script = new Script { Unary = (_, context) => { seen = context.RequestHeaders; return Task.FromResult(new SimpleResponse()); } };
        await using var host = await ScriptedHost.StartAsync(script);
        using var channel = host.CreateChannel();
        var invoker = channel.Intercept(new HeaderAddingClientInterceptor(order, "first"), new HeaderAddingClientInterceptor(order, "second"));

        await new TestService.TestServiceClient(invoker).UnaryCallAsync(new SimpleRequest());

        Assert.Equal(new[] { "first", "second" }, order);
        Assert.Equal("yes", seen!.GetValue("x-first"));
        Assert.Equal("yes", seen.GetValue("x-second"));
    }

    [Fact]
    public async Task Metadata_rewriting_never_changes_the_callers_metadata()
    {
        var seen = new List<int>();
        var script = new Script { Unary = (_, context) => { seen.Add(context.RequestHeaders.GetAll("authorization").Count()); return Task.FromResult(new SimpleResponse()); } };
        await using var server = await ScriptedHost.StartAsync(script);
        using var channel = server.CreateChannel();
        var invoker = channel.CreateCallInvoker().Intercept(metadata => { metadata.Add("authorization", "Bearer x"); return metadata; });
        var client = new TestService.TestServiceClient(invoker);
        var reused = new Metadata { { "x-trace", "1" } };

        await client.UnaryCallAsync(new SimpleRequest(), reused);
        await client.UnaryCallAsync(new SimpleRequest(), reused);

        Assert.Equal(new[] { 1, 1 }, seen);
        Assert.Single(reused);
    }

    [Fact]
    public async Task Metadata_rewriting_interceptor_and_WithHost()
    {
        string? host = null, header = null;
        var script = new Script { Unary = (_, context) => { host = context.Host; header = context.RequestHeaders.GetValue("x-added"); return Task.FromResult(new SimpleResponse()); } };
        await using var server = await ScriptedHost.StartAsync(script);
        using var channel = server.CreateChannel();
        var invoker = channel.CreateCallInvoker().Intercept(metadata => { metadata.Add("x-added", "yes"); return metadata; });

        await new TestService.TestServiceClient(invoker).WithHost("directory.onestop.test").UnaryCallAsync(new SimpleRequest());

        Assert.Equal("yes", header);
        Assert.Equal("directory.onestop.test", host);
    }
}
