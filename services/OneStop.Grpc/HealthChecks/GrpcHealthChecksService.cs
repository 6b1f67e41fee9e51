using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace OneStop.Grpc.HealthChecks;

/// <summary><c>grpc.health.v1.Health</c>, answered from ASP.NET Core health checks.</summary>
internal sealed class GrpcHealthChecksService(HealthStatusEvaluator evaluator, TimeProvider timeProvider, IHostApplicationLifetime lifetime)
    : Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var predicate = evaluator.FindPredicate(request.Service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service: '{request.Service}'."));
        return new HealthCheckResponse { Status = await evaluator.EvaluateAsync(predicate, context.CancellationToken).ConfigureAwait(false) };
    }

    public override async Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var response = new HealthListResponse();
        foreach (var name in evaluator.ServiceNames())
        {
            var status = await CurrentStatusAsync(name, context.CancellationToken).ConfigureAwait(false);
            response.Statuses[name] = new HealthCheckResponse { Status = status };
        }
        return response;
    }

    /// <summary>
    /// Sends the status now, then only when it changes, polling every <c>WatchInterval</c>. An unknown name is
    /// SERVICE_UNKNOWN, not an error: per the health protocol, it may become known later. Ends when the call
    /// does, or when the app stops, after telling the watcher NOT_SERVING so it moves away before the port closes.
    /// </summary>
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        ServingStatus? last = null;
        try
        {
            while (true)
            {
                var status = await CurrentStatusAsync(request.Service, watching.Token).ConfigureAwait(false);
                if (status != last)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, watching.Token).ConfigureAwait(false);
                    last = status;
                }
                await Task.Delay(evaluator.Options.WatchInterval, timeProvider, watching.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client hung up or the deadline passed: the normal way a Watch ends, not an error.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            if (last != ServingStatus.NotServing)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing }, context.CancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<ServingStatus> CurrentStatusAsync(string service, CancellationToken cancellationToken) =>
        evaluator.FindPredicate(service) is { } predicate
            ? await evaluator.EvaluateAsync(predicate, cancellationToken).ConfigureAwait(false)
            : ServingStatus.ServiceUnknown;
}
