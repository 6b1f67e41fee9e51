namespace Grpc.Core.Interceptors;

/// <summary>A client interceptor that only changes the call's context (host, options) before it goes on.</summary>
internal abstract class ContextRewritingInterceptor : Interceptor
{
    protected abstract ClientInterceptorContext<TRequest, TResponse> Rewrite<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class;

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Rewrite(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Rewrite(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Rewrite(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Rewrite(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Rewrite(context));
}

/// <summary>Sends every call to another host (what <c>ClientBase.WithHost</c> does).</summary>
internal sealed class HostOverrideInterceptor(string host) : ContextRewritingInterceptor
{
    protected override ClientInterceptorContext<TRequest, TResponse> Rewrite<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context) =>
        new(context.Method, host, context.Options);
}

/// <summary>Rewrites the request headers of every call.</summary>
internal sealed class MetadataInterceptor(Func<Metadata, Metadata> rewrite) : ContextRewritingInterceptor
{
    protected override ClientInterceptorContext<TRequest, TResponse> Rewrite<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context) =>
        new(context.Method, context.Host, context.Options.WithHeaders(rewrite(CopyOf(context.Options.Headers))));

    /// <summary>A copy, so a rewrite that adds entries never changes a Metadata the caller reuses across calls.</summary>
    private static Metadata CopyOf(Metadata? headers)
    {
        var copy = new Metadata();
        if (headers is not null) foreach (var entry in headers) copy.Add(entry);
        return copy;
    }
}
