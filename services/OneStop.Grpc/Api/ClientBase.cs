using Grpc.Core.Interceptors;

namespace Grpc.Core;

/// <summary>Base of generated clients: holds the invoker calls go through.</summary>
public abstract class ClientBase
{
    protected ClientBase() : this(new UnimplementedCallInvoker()) { }

    protected ClientBase(ClientBaseConfiguration configuration) =>
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

    protected ClientBase(ChannelBase channel) : this(channel.CreateCallInvoker()) { }

    protected ClientBase(CallInvoker callInvoker) : this(new ClientBaseConfiguration(callInvoker, null)) { }

    protected CallInvoker CallInvoker => Configuration.CreateDecoratedCallInvoker();

    internal ClientBaseConfiguration Configuration { get; }

    /// <summary>The invoker plus an optional host override, so <c>WithHost</c> can make a sibling client.</summary>
    protected internal class ClientBaseConfiguration
    {
        private readonly CallInvoker _undecoratedCallInvoker;
        private readonly string? _host;

        internal ClientBaseConfiguration(CallInvoker callInvoker, string? host)
        {
            _undecoratedCallInvoker = callInvoker ?? throw new ArgumentNullException(nameof(callInvoker));
            _host = host;
        }

        internal CallInvoker CreateDecoratedCallInvoker() =>
            _host is null ? _undecoratedCallInvoker : _undecoratedCallInvoker.Intercept(new HostOverrideInterceptor(_host));

        internal ClientBaseConfiguration WithHost(string host) => new(_undecoratedCallInvoker, host ?? throw new ArgumentNullException(nameof(host)));
    }
}

/// <summary>Base of generated clients, typed so that <see cref="WithHost"/> returns the same client type.</summary>
public abstract class ClientBase<T> : ClientBase where T : ClientBase<T>
{
    protected ClientBase() { }
    protected ClientBase(ClientBaseConfiguration configuration) : base(configuration) { }
    protected ClientBase(ChannelBase channel) : base(channel) { }
    protected ClientBase(CallInvoker callInvoker) : base(callInvoker) { }

    public T WithHost(string host) => NewInstance(Configuration.WithHost(host));

    protected abstract T NewInstance(ClientBaseConfiguration configuration);
}

/// <summary>The invoker of a client made without a channel (a mock base): every call fails.</summary>
internal sealed class UnimplementedCallInvoker : CallInvoker
{
    private static RpcException Fail() => new(new Status(StatusCode.Unimplemented, "This client has no channel or call invoker."));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw Fail();
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw Fail();
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw Fail();
    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw Fail();
    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw Fail();
}
