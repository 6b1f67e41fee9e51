using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace OneStop.Grpc.Server;

// One class per method type. Each holds an open-instance delegate to the service method, so a call costs
// no delegate allocation unless interceptors are configured. Interceptors are chained with the first
// registered outermost.

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServiceActivator<TService> activator, ServerSettings settings, ILogger logger, TimeProvider timeProvider,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, activator, settings, logger, timeProvider)
    where TService : class where TRequest : class where TResponse : class
{
    protected override async Task InvokeAsync(TService service, Interceptor[] interceptors, HttpContextServerCallContext call)
    {
        var request = await call.ReadSingleRequestAsync(Method.RequestMarshaller.ContextualDeserializer).ConfigureAwait(false);
        var responseTask = interceptors.Length == 0 ? invoker(service, request, call) : InvokeWithInterceptors(service, interceptors, request, call);
        await WriteResponseAsync(call, await responseTask.ConfigureAwait(false)).ConfigureAwait(false);
    }

    // A method of its own: the closure that captures the service would otherwise be allocated on every call
    // (the compiler creates it on entry to the method that declares the captured variable), interceptors or not.
    private Task<TResponse> InvokeWithInterceptors(TService service, Interceptor[] interceptors, TRequest request, ServerCallContext call)
    {
        UnaryServerMethod<TRequest, TResponse> next = (r, c) => invoker(service, r, c);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var (interceptor, inner) = (interceptors[i], next);
            next = (r, c) => interceptor.UnaryServerHandler(r, c, inner);
        }
        return next(request, call);
    }
}

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServiceActivator<TService> activator, ServerSettings settings, ILogger logger, TimeProvider timeProvider,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, activator, settings, logger, timeProvider)
    where TService : class where TRequest : class where TResponse : class
{
    protected override async Task InvokeAsync(TService service, Interceptor[] interceptors, HttpContextServerCallContext call)
    {
        var requests = new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller.ContextualDeserializer);
        ClientStreamingServerMethod<TRequest, TResponse> next = (r, c) => invoker(service, r, c);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var (interceptor, inner) = (interceptors[i], next);
            next = (r, c) => interceptor.ClientStreamingServerHandler(r, c, inner);
        }
        var response = await next(requests, call).ConfigureAwait(false);
        await WriteResponseAsync(call, response).ConfigureAwait(false);
    }
}

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServiceActivator<TService> activator, ServerSettings settings, ILogger logger, TimeProvider timeProvider,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, activator, settings, logger, timeProvider)
    where TService : class where TRequest : class where TResponse : class
{
    protected override async Task InvokeAsync(TService service, Interceptor[] interceptors, HttpContextServerCallContext call)
    {
        var request = await call.ReadSingleRequestAsync(Method.RequestMarshaller.ContextualDeserializer).ConfigureAwait(false);
        var responses = new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller.ContextualSerializer);
        ServerStreamingServerMethod<TRequest, TResponse> next = (r, w, c) => invoker(service, r, w, c);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var (interceptor, inner) = (interceptors[i], next);
            next = (r, w, c) => interceptor.ServerStreamingServerHandler(r, w, c, inner);
        }
        await next(request, responses, call).ConfigureAwait(false);
    }
}

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServiceActivator<TService> activator, ServerSettings settings, ILogger logger, TimeProvider timeProvider,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, activator, settings, logger, timeProvider)
    where TService : class where TRequest : class where TResponse : class
{
    protected override async Task InvokeAsync(TService service, Interceptor[] interceptors, HttpContextServerCallContext call)
    {
        var requests = new HttpContextStreamReader<TRequest>(call, Method.RequestMarshaller.ContextualDeserializer);
        var responses = new HttpContextStreamWriter<TResponse>(call, Method.ResponseMarshaller.ContextualSerializer);
        DuplexStreamingServerMethod<TRequest, TResponse> next = (r, w, c) => invoker(service, r, w, c);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var (interceptor, inner) = (interceptors[i], next);
            next = (r, w, c) => interceptor.DuplexStreamingServerHandler(r, w, c, inner);
        }
        await next(requests, responses, call).ConfigureAwait(false);
    }
}
