using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Polly;
using Polly.Retry;

namespace Grpc.Net.Client;

/// <summary>
/// A unary call under a retry policy, run by a Polly retry pipeline. An attempt is retried only when it failed
/// with a configured status, before any response headers arrived (so the server never committed to a response),
/// and the server did not push back with "don't retry". Backoff is exponential with full jitter unless the server
/// set <c>grpc-retry-pushback-ms</c>. The call's deadline and cancellation cover all attempts together.
/// </summary>
internal sealed class RetryingUnaryCall<TRequest, TResponse> where TRequest : class where TResponse : class
{
    private readonly RetryPolicy _policy;
    private readonly Func<GrpcCall<TRequest, TResponse>> _newAttempt;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _disposed = new();
    private GrpcCall<TRequest, TResponse>? _current;

    public RetryingUnaryCall(RetryPolicy policy, GrpcChannel channel, Func<GrpcCall<TRequest, TResponse>> newAttempt, TRequest request, CallOptions options)
    {
        _policy = policy;
        _newAttempt = newAttempt;
        var maxAttempts = Math.Min(policy.MaxAttempts ?? 2, channel.Options.MaxRetryAttempts ?? int.MaxValue);
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, maxAttempts - 1),
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is RetryableAttemptException),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber, args.Outcome.Exception)),
        }).Build();
        ResponseAsync = RunAsync(pipeline, request, options);
    }

    public Task<TResponse> ResponseAsync { get; }
    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public Status GetStatus() => _current?.GetStatus() ?? throw new InvalidOperationException("The call is not complete.");
    public Metadata GetTrailers() => _current?.GetTrailers() ?? throw new InvalidOperationException("The call is not complete.");

    public void Dispose()
    {
        _disposed.Cancel();
        _current?.Dispose();
    }

    private async Task<TResponse> RunAsync(ResiliencePipeline pipeline, TRequest request, CallOptions options)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _disposed.Token);
        try
        {
            return await pipeline.ExecuteAsync(async _ =>
            {
                var attempt = _current = _newAttempt();
                attempt.StartUnaryRequest(request);
                try
                {
                    var response = await attempt.ReadSingleResponseAsync().ConfigureAwait(false);
                    _headers.TrySetResult(await attempt.ResponseHeadersAsync.ConfigureAwait(false));
                    return response;
                }
                catch (RpcException ex) when (IsRetryable(attempt, ex))
                {
                    throw new RetryableAttemptException(ex, attempt.RetryPushbackMilliseconds);
                }
            }, cancellation.Token).ConfigureAwait(false);
        }
        catch (RetryableAttemptException exhausted)
        {
            throw Fail(exhausted.Failure);
        }
        catch (RpcException ex)
        {
            throw Fail(ex);
        }
        catch (OperationCanceledException) when (_current is { IsFinished: true })
        {
            // Cancelled during a backoff delay: the last attempt's status stands.
            throw Fail(_current.CallFailure());
        }
        catch (OperationCanceledException ex)
        {
            throw Fail(new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.", ex)));
        }
    }

    private RpcException Fail(RpcException failure)
    {
        _headers.TrySetException(failure);
        return failure;
    }

    private bool IsRetryable(GrpcCall<TRequest, TResponse> attempt, RpcException failure) =>
        !attempt.ResponseHeadersReceived
        && attempt.RetryPushbackMilliseconds is null or >= 0
        && _policy.RetryableStatusCodes.Contains(failure.StatusCode);

    private TimeSpan Delay(int attemptNumber, Exception? failure)
    {
        if (failure is RetryableAttemptException { PushbackMilliseconds: { } pushback }) return TimeSpan.FromMilliseconds(pushback);
        var initial = _policy.InitialBackoff ?? TimeSpan.FromSeconds(1);
        var max = _policy.MaxBackoff ?? TimeSpan.FromSeconds(5);
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(_policy.BackoffMultiplier ?? 1.5, attemptNumber), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>Marks an attempt's failure as one the pipeline may retry.</summary>
    private sealed class RetryableAttemptException(RpcException failure, int? pushbackMilliseconds) : Exception(failure.Message, failure)
    {
        public RpcException Failure { get; } = failure;
        public int? PushbackMilliseconds { get; } = pushbackMilliseconds;
    }
}
