using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace OneStop.ServiceDefaults.Resilience;

/// <summary>
/// Polly pipelines for calls to other services and to Redis (docs/architecture.md, resilience): a timeout on every
/// attempt, retries only where repeating the call is safe, and a circuit breaker so a dead peer is not hammered.
/// Create one pipeline per peer and keep it: the circuit's state lives in the pipeline instance.
/// </summary>
public static class OutboundPipelines
{
    /// <summary>
    /// Reads and other calls safe to repeat: up to 3 retries with exponential, jittered backoff (200 ms base) on
    /// <see cref="TransientFailures"/>; a circuit breaker; and <paramref name="timeout"/> on each attempt
    /// (so the worst case is about four timeouts plus the backoff).
    /// </summary>
    public static ResiliencePipeline CreateForIdempotentCalls(TimeSpan timeout) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
            })
            .AddCircuitBreaker(CircuitBreaker())
            .AddTimeout(timeout)
            .Build();

    /// <summary>Writes and other calls that must not run twice: a circuit breaker and <paramref name="timeout"/>, no retry.</summary>
    public static ResiliencePipeline CreateForNonIdempotentCalls(TimeSpan timeout) =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(CircuitBreaker())
            .AddTimeout(timeout)
            .Build();

    /// <summary>Opens for 15 s when half of at least 10 calls within 30 s failed transiently.</summary>
    private static CircuitBreakerStrategyOptions CircuitBreaker() => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 10,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
        ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
    };
}
