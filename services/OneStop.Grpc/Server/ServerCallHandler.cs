using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>
/// What every method type shares: check the request is gRPC, set up the call context, run the method,
/// and turn whatever happened into exactly one status.
/// </summary>
internal abstract class ServerCallHandler<TService, TRequest, TResponse>
    where TService : class where TRequest : class where TResponse : class
{
    protected ServerCallHandler(Method<TRequest, TResponse> method, ServiceActivator<TService> activator, ServerSettings settings, ILogger logger, TimeProvider timeProvider)
    {
        Method = method;
        Activator = activator;
        Settings = settings;
        Logger = logger;
        TimeProvider = timeProvider;
    }

    protected Method<TRequest, TResponse> Method { get; }
    protected ServiceActivator<TService> Activator { get; }
    protected ServerSettings Settings { get; }
    protected ILogger Logger { get; }
    protected TimeProvider TimeProvider { get; }

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!RequestValidation.IsValidGrpcRequest(httpContext)) return;
        StreamingRequestLimits.Relax(httpContext, Method.Type);

        using var call = new HttpContextServerCallContext(httpContext, Method.FullName, Settings, Logger);
        Status status;
        if (call.Initialize(TimeProvider) is { } headerError)
        {
            status = headerError;
        }
        else
        {
            try
            {
                await HandleCallCoreAsync(httpContext, call).ConfigureAwait(false);
                status = call.DeadlineExceeded ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded") : call.Status;
            }
            catch (Exception ex)
            {
                status = call.StatusFromException(ex);
            }
        }
        try
        {
            await call.EndCallAsync(status).ConfigureAwait(false);
        }
        catch (Exception ex) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to tell.
            Logger.LogDebug(ex, "Could not complete call {Method}: the client disconnected.", Method.FullName);
        }
    }

    private async Task HandleCallCoreAsync(HttpContext httpContext, HttpContextServerCallContext call)
    {
        var (service, created) = Activator.Create(httpContext);
        try
        {
            var interceptors = Activator.CreateInterceptors(httpContext);
            await InvokeAsync(service, interceptors, call).ConfigureAwait(false);
        }
        finally
        {
            if (created) await Activator.ReleaseAsync(service).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the request(s), runs the method through any interceptors and writes the response(s).</summary>
    protected abstract Task InvokeAsync(TService service, Interceptor[] interceptors, HttpContextServerCallContext call);

    /// <summary>The single response of a unary or client-streaming call; the status is sent right after it.</summary>
    protected Task WriteResponseAsync(HttpContextServerCallContext call, TResponse response)
    {
        if (response is null) throw new InvalidOperationException("The handler returned a null response.");
        return call.WriteMessageAsync(response, Method.ResponseMarshaller.ContextualSerializer, call.WriteOptions, call.CancellationToken, statusFollows: true);
    }
}
