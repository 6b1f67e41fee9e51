using Grpc.Core;
using OneStop.Directory.V1;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OneStop.Directory.Client.Caching;

/// <summary>
/// The last step of the read path: the Directory service itself. Used when Redis is down, lacks the key, or is known
/// to be outdated. Reads are idempotent, so UNAVAILABLE and attempt timeouts are retried.
/// </summary>
/// <remarks>
/// Polly rather than grpc-dotnet's retry policy: that one has no per-attempt timeout, and an attempt against a
/// directory that hangs must give way to the next one.
/// </remarks>
internal sealed class DirectoryGrpcSource
{
    private readonly DirectoryService.DirectoryServiceClient _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _attempts;

    public DirectoryGrpcSource(DirectoryService.DirectoryServiceClient client, DirectoryClientOptions options)
    {
        _client = client;
        _attemptTimeout = options.GrpcAttemptTimeout;
        _attempts = 1 + Math.Max(0, options.GrpcRetries);
        // Real time on purpose: DirectoryClientOptions.TimeProvider drives cache freshness only, and a test clock
        // that never moves must not stall retries.
        var pipeline = new ResiliencePipelineBuilder();
        // Polly refuses a retry strategy of zero attempts; GrpcRetries = 0 means none at all.
        if (options.GrpcRetries > 0) pipeline.AddRetry(new RetryStrategyOptions
            {
                // grpc-dotnet reports the attempt timeout's cancellation as CANCELLED, not as the OperationCanceledException
                // Polly's timeout turns into TimeoutRejectedException; a caller's own cancellation stops the retries
                // before this predicate is asked again, so CANCELLED here is the attempt timeout.
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable or StatusCode.Cancelled)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.GrpcRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                UseJitter = true,
            });
        _pipeline = pipeline.AddTimeout(options.GrpcAttemptTimeout).Build();
    }

    // Language left empty: the full entity with all translations, like the read model; callers localize.
    public Task<Service?> GetServiceAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(static (client, id, ct) => client.GetServiceAsync(new GetServiceRequest { Id = id }, cancellationToken: ct).ResponseAsync,
            id, cancellationToken);

    public Task<Organization?> GetOrganizationAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(static (client, id, ct) => client.GetOrganizationAsync(new GetOrganizationRequest { Id = id }, cancellationToken: ct).ResponseAsync,
            id, cancellationToken);

    public Task<Location?> GetLocationAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(static (client, id, ct) => client.GetLocationAsync(new GetLocationRequest { Id = id }, cancellationToken: ct).ResponseAsync,
            id, cancellationToken);

    private async Task<T?> CallAsync<T>(Func<DirectoryService.DirectoryServiceClient, string, CancellationToken, Task<T>> call,
        string id, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (state, ct) => await state.call(state.client, state.id, ct).ConfigureAwait(false),
                (call, client: _client, id), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested &&
                                  e is TimeoutRejectedException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // Every attempt ran out of time: to the caller that is a deadline, not a cancellation it never asked for.
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"the directory did not answer within {_attemptTimeout.TotalSeconds:0.###} s, {_attempts} attempt(s)", e));
        }
    }
}
