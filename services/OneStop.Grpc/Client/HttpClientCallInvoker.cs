using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Grpc.Net.Client;

/// <summary>Starts calls on a <see cref="GrpcChannel"/>: one <see cref="GrpcCall{TRequest,TResponse}"/> per call.</summary>
internal sealed class HttpClientCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        if (RetryPolicyFor(method) is { } policy)
        {
            var retrying = new RetryingUnaryCall<TRequest, TResponse>(policy, channel, () => new GrpcCall<TRequest, TResponse>(channel, method, host, options), request, options);
            return new AsyncUnaryCall<TResponse>(retrying.ResponseAsync, retrying.ResponseHeadersAsync, retrying.GetStatus, retrying.GetTrailers, retrying.Dispose);
        }
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartUnaryRequest(request);
        return new AsyncUnaryCall<TResponse>(call.ReadSingleResponseAsync(), Callbacks<TRequest, TResponse>.Headers, Callbacks<TRequest, TResponse>.Status,
            Callbacks<TRequest, TResponse>.Trailers, Callbacks<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartUnaryRequest(request);
        return new AsyncServerStreamingCall<TResponse>(call, Callbacks<TRequest, TResponse>.Headers, Callbacks<TRequest, TResponse>.Status,
            Callbacks<TRequest, TResponse>.Trailers, Callbacks<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartStreamingRequest();
        return new AsyncClientStreamingCall<TRequest, TResponse>(new ClientStreamWriter<TRequest, TResponse>(call, options), call.ReadSingleResponseAsync(),
            Callbacks<TRequest, TResponse>.Headers, Callbacks<TRequest, TResponse>.Status, Callbacks<TRequest, TResponse>.Trailers, Callbacks<TRequest, TResponse>.Dispose, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartStreamingRequest();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(new ClientStreamWriter<TRequest, TResponse>(call, options), call,
            Callbacks<TRequest, TResponse>.Headers, Callbacks<TRequest, TResponse>.Status, Callbacks<TRequest, TResponse>.Trailers, Callbacks<TRequest, TResponse>.Dispose, call);
    }

    private RetryPolicy? RetryPolicyFor(IMethod method) => channel.Options.ServiceConfig?.Find(method)?.RetryPolicy;

    /// <summary>Static callbacks over the call as state, so wrapping a call allocates no closures.</summary>
    private static class Callbacks<TRequest, TResponse> where TRequest : class where TResponse : class
    {
        public static readonly Func<object, Task<Metadata>> Headers = s => ((GrpcCall<TRequest, TResponse>)s).ResponseHeadersAsync;
        public static readonly Func<object, Status> Status = s => ((GrpcCall<TRequest, TResponse>)s).GetStatus();
        public static readonly Func<object, Metadata> Trailers = s => ((GrpcCall<TRequest, TResponse>)s).GetTrailers();
        public static readonly Action<object> Dispose = s => ((GrpcCall<TRequest, TResponse>)s).Dispose();
    }
}
