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

    public DirectoryGrpcSource(DirectoryService.DirectoryServiceClient client, DirectoryClientOptions options)
    {
        _client = client;
        // Real time on purpose: DirectoryClientOptions.TimeProvider drives cache freshness only, and a test clock
        // that never moves must not stall retries.
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(0, options.GrpcRetries),
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                UseJitter = true,
            })
            .AddTimeout(options.GrpcAttemptTimeout)
            .Build();
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
    }
}
