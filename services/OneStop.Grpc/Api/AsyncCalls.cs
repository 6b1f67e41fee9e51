using System.Runtime.CompilerServices;

namespace Grpc.Core;

/// <summary>The state and callbacks every client call type shares.</summary>
internal readonly struct CallState(
    Func<object, Task<Metadata>> responseHeadersAsync,
    Func<object, Status> getStatus,
    Func<object, Metadata> getTrailers,
    Action<object> dispose,
    object state)
{
    public Task<Metadata> ResponseHeadersAsync() => responseHeadersAsync(state);
    public Status GetStatus() => getStatus(state);
    public Metadata GetTrailers() => getTrailers(state);
    public void Dispose() => dispose(state);

    public static CallState FromDelegates(Task<Metadata> headers, Func<Status> status, Func<Metadata> trailers, Action dispose) =>
        new(_ => headers, _ => status(), _ => trailers(), _ => dispose(), dispose);
}

/// <summary>A unary call in flight: await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly CallState _call;

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseAsync = responseAsync;
        _call = CallState.FromDelegates(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncUnaryCall(Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseAsync = responseAsync;
        _call = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public Task<TResponse> ResponseAsync { get; }
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);
    public Status GetStatus() => _call.GetStatus();
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => _call.Dispose();
}

/// <summary>A server-streaming call in flight: read <see cref="ResponseStream"/>.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly CallState _call;

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseStream = responseStream;
        _call = CallState.FromDelegates(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseStream = responseStream;
        _call = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();
    public Status GetStatus() => _call.GetStatus();
    public Metadata GetTrailers() => _call.GetTrailers();
    public void Dispose() => _call.Dispose();
}

/// <summary>A client-streaming call in flight: write <see cref="RequestStream"/>, complete it, await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _call;

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _call = CallState.FromDelegates(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _call = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }
    public Task<TResponse> ResponseAsync { get; }
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);
    public Status GetStatus() => _call.GetStatus();
    public Metadata GetTrailers() => _call.GetTrailers();
    public void Dispose() => _call.Dispose();
}

/// <summary>A bidirectional call in flight.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallState _call;

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _call = CallState.FromDelegates(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _call = new CallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }
    public IAsyncStreamReader<TResponse> ResponseStream { get; }
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync();
    public Status GetStatus() => _call.GetStatus();
    public Metadata GetTrailers() => _call.GetTrailers();
    public void Dispose() => _call.Dispose();
}
