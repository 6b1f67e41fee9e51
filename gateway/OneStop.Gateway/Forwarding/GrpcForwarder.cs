using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using OneStop.Gateway.Forwarding.Edge;
using OneStop.Gateway.Forwarding.Protocol;
using Polly;
using Polly.Retry;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// Forwards one gRPC call to a destination of the route's cluster. Authentication, authorization and rate limits
/// have already run (endpoint metadata); what is left is a fixed sequence of steps:
/// <list type="number">
/// <item>accept only gRPC: POST over HTTP/2;</item>
/// <item>apply the route's request size limit;</item>
/// <item>take the deadline from <c>grpc-timeout</c> and link it with the client's abort;</item>
/// <item>pick a destination and send the request headers, retrying on another destination (Polly) only while the
///   request has not reached any backend;</item>
/// <item>copy the response headers, then stream the body message by message in both directions;</item>
/// <item>copy the trailers, keeping Trailers-Only responses as they are;</item>
/// <item>turn every failure into a gRPC status: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED — never a bare 502.</item>
/// </list>
/// </summary>
public sealed class GrpcForwarder
{
    private static readonly ResiliencePropertyKey<ForwardingAttempt> AttemptKey = new("onestop.forwarding-attempt");

    private readonly ForwarderHttpClient _client;
    private readonly ForwarderOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<GrpcForwarder> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _sendPipeline;

    public GrpcForwarder(ForwarderHttpClient client, ForwarderOptions options, TimeProvider clock, ILogger<GrpcForwarder> logger)
    {
        _client = client;
        _options = options;
        _clock = clock;
        _logger = logger;
        _sendPipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                Delay = TimeSpan.Zero, // the next attempt goes to another destination; waiting would not help
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && NeverReachedBackend(e, args.Context.Properties.GetValue(AttemptKey, null!))),
            })
            .Build();
    }

    public async Task ForwardAsync(HttpContext context, RouteState route)
    {
        var request = context.Request;

        // 1. Only gRPC (POST) over HTTP/2 (h2c, or TLS with ALPN h2) is forwarded.
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "h2c";
            return;
        }
        if (!GrpcStatusResponses.IsGrpcRequest(request))
        {
            // The gRPC spec's answer to a foreign content-type (PROTOCOL-HTTP2.md).
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        // 2. The body limit covers all messages of the call; Kestrel enforces it as the body is read.
        var maxBody = route.Config.MaxRequestBodySize ?? _options.DefaultMaxRequestBodySize;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit) sizeLimit.MaxRequestBodySize = maxBody;

        // 3. Deadline: the backend gets what is left of it; the gateway stops waiting when it passes.
        DateTimeOffset? deadline = null;
        if (request.Headers.TryGetValue("grpc-timeout", out var timeoutText))
        {
            if (!GrpcTimeout.TryParse(timeoutText, out var timeout))
            {
                await GrpcStatusResponses.WriteTrailersOnlyAsync(context, StatusCode.Internal, $"Malformed grpc-timeout header '{timeoutText}'.");
                return;
            }
            deadline = _clock.GetUtcNow() + timeout;
        }
        using var deadlineTimer = deadline is { } due ? new CancellationTokenSource(Max(due - _clock.GetUtcNow(), TimeSpan.Zero), _clock) : null;
        // Without a deadline the client's abort alone ends the call: no linked source to allocate and register.
        using var callCancellation = deadlineTimer is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, deadlineTimer.Token);
        var content = new ForwardedRequestContent(request.BodyReader);
        var call = new ForwardingAttempt(context, route, content, deadline, callCancellation?.Token ?? context.RequestAborted);
        try
        {
            await SendAndCopyAsync(call);
        }
        finally
        {
            // The request body is sent on the handler's own task; it must be over before this request (and the
            // pipe it reads) is recycled, also when the backend answered before the client finished sending.
            await content.StopAsync();
        }
    }

    /// <summary>Steps 4 to 7.</summary>
    private async Task SendAndCopyAsync(ForwardingAttempt call)
    {
        var context = call.Context;
        // 4. Send; a response here means the backend has answered with its headers.
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(call);
        }
        catch (Exception e)
        {
            await FailAsync(call, e);
            return;
        }

        var destination = call.Destination!;
        try
        {
            using (response)
            {
                if (!IsGrpcResponse(response))
                {
                    // A sidecar, a proxy or a wrong address answered: a gRPC client needs a status, not a bare 502.
                    var status = HttpStatusMapping.ToStatusCode((int)response.StatusCode);
                    await GrpcStatusResponses.WriteTrailersOnlyAsync(context, status,
                        $"Service '{call.Route.Cluster.Id}' answered HTTP {(int)response.StatusCode} instead of gRPC.");
                    return;
                }
                // 5. Headers, then the body as it streams.
                context.Response.StatusCode = (int)response.StatusCode;
                ForwardedHeaders.CopyResponseHeaders(response, context.Response);
                if (response.Headers.NonValidated.Contains("grpc-status"))
                {
                    // 6a. Trailers-Only: the status came in the headers with END_STREAM; send it on the same way.
                    return;
                }
                await using (var body = await response.Content.ReadAsStreamAsync(call.Cancellation))
                {
                    await ResponseBodyCopy.CopyAsync(body, context.Response.BodyWriter, call.Cancellation);
                }
                // 6b. Trailers, with the backend's grpc-status; a backend that ended without one gets INTERNAL.
                ForwardedHeaders.CopyTrailers(response, context.Response);
                GrpcStatusResponses.AppendStatusTrailers(context, StatusCode.Internal, "The service ended the call without a status.");
            }
            destination.ClearPassiveFailure();
        }
        catch (Exception e)
        {
            // Passive health: the backend went away in the middle of the call.
            if (IsBackendsFault(call, e)) MarkFailed(call.Route.Cluster, destination, e);
            await FailAsync(call, e);
        }
        finally
        {
            destination.RequestEnded();
        }
    }

    /// <summary>Read without parsing the media type: it is checked on every call.</summary>
    private static bool IsGrpcResponse(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
        && response.Content.Headers.NonValidated.TryGetValues("content-type", out var type)
        && type.ToString().StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Step 4: pick a destination and send. The first attempt goes straight to the handler; only a call that failed
    /// before reaching any backend enters the Polly retry pipeline (keeping Polly off the path of every successful
    /// call saves measurable CPU per call). Polly sees the first failure as its own first attempt, so the retry rules
    /// and counts are those of <see cref="ForwarderOptions.MaxRetries"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(ForwardingAttempt call)
    {
        try
        {
            return await SendOnceAsync(this, call, call.Cancellation);
        }
        catch (Exception e) when (_options.MaxRetries > 0 && NeverReachedBackend(e, call))
        {
            call.FirstFailure = e;
        }

        var resilience = ResilienceContextPool.Shared.Get(call.Cancellation);
        resilience.Properties.Set(AttemptKey, call);
        try
        {
            return await _sendPipeline.ExecuteAsync(static (ctx, state) =>
            {
                var (forwarder, call) = state;
                if (call.FirstFailure is { } first)
                {
                    call.FirstFailure = null;
                    return ValueTask.FromException<HttpResponseMessage>(first);
                }
                return new ValueTask<HttpResponseMessage>(SendOnceAsync(forwarder, call, ctx.CancellationToken));
            }, resilience, (this, call));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>One attempt: a destination (not the one that just failed, unless it is the only one), one request.</summary>
    private static async Task<HttpResponseMessage> SendOnceAsync(GrpcForwarder forwarder, ForwardingAttempt call, CancellationToken cancellationToken)
    {
        var now = forwarder._clock.GetUtcNow();
        var destination = call.Route.Cluster.PickDestination(now, exclude: call.Destination) ?? call.Route.Cluster.PickDestination(now)
            ?? throw new NoDestinationException(call.Route.Cluster.Id);
        call.Destination = destination;
        var message = forwarder.CreateRequest(call, destination);
        destination.RequestStarted();
        try
        {
            return await forwarder._client.Invoker.SendAsync(message, cancellationToken);
        }
        catch (Exception e)
        {
            destination.RequestEnded();
            if (IsBackendsFault(call, e)) forwarder.MarkFailed(call.Route.Cluster, destination, e);
            throw;
        }
        finally
        {
            // The body keeps streaming after SendAsync returns, and an untouched one is reused by a retry:
            // the message must not dispose it.
            message.Content = null;
            message.Dispose();
        }
    }

    private HttpRequestMessage CreateRequest(ForwardingAttempt call, DestinationState destination)
    {
        var request = call.Context.Request;
        var message = new HttpRequestMessage(HttpMethod.Post, destination.UriFor(request.Path, request.QueryString))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // h2c by prior knowledge; never downgrade to HTTP/1.1
            Content = call.Content,
        };
        ForwardedHeaders.CopyRequestHeaders(request, message);
        if (call.Deadline is { } deadline)
        {
            message.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(Max(deadline - _clock.GetUtcNow(), TimeSpan.Zero)));
        }
        return message;
    }

    /// <summary>Step 7: the failure as a gRPC status, in a Trailers-Only response or in the trailers of a started one.</summary>
    private async Task FailAsync(ForwardingAttempt call, Exception error)
    {
        var context = call.Context;
        if (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; the linked token has already cancelled the backend call (RST_STREAM).
            return;
        }
        var (status, message) = Classify(call, error);
        if (status == StatusCode.Unavailable) _logger.LogWarning(error, "Forwarding {Path} on route {Route} failed: {Message}", context.Request.Path, call.Route.Id, message);
        if (context.Response.HasStarted)
        {
            GrpcStatusResponses.AppendStatusTrailers(context, status, message);
            return;
        }
        context.Response.Headers.Clear();
        await GrpcStatusResponses.WriteTrailersOnlyAsync(context, status, message);
    }

    private static (StatusCode, string) Classify(ForwardingAttempt call, Exception error)
    {
        if (call.Content.ClientBodyError is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            var limit = call.Context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (StatusCode.ResourceExhausted, $"Request larger than the route's limit of {limit} bytes.");
        }
        if (call.Content.ClientBodyError is not null) return (StatusCode.Internal, "Reading the request failed.");
        if (call.Deadline is not null && call.Cancellation.IsCancellationRequested) return (StatusCode.DeadlineExceeded, "Deadline exceeded at the gateway.");
        // Addresses and exception texts stay in the gateway's log; callers outside learn only which service failed.
        return error is NoDestinationException e
            ? (StatusCode.Unavailable, e.Message)
            : (StatusCode.Unavailable, $"Service '{call.Route.Cluster.Id}' is unavailable; retry later.");
    }

    /// <summary>Passive health: a destination that fails at the transport level leaves the rotation for a while.</summary>
    private void MarkFailed(ClusterState cluster, DestinationState destination, Exception error)
    {
        var passive = cluster.Config.HealthCheck.Passive;
        if (!passive.Enabled) return;
        destination.MarkPassiveFailure(_clock.GetUtcNow() + passive.ReactivationPeriod);
        _logger.LogWarning("Destination {Destination} ({Address}) of cluster {Cluster} marked unhealthy for {Period}: {Reason}",
            destination.Name, destination.Address, cluster.Id, passive.ReactivationPeriod, error.Message);
    }

    /// <summary>Safe to repeat elsewhere: nothing of the call left the gateway.</summary>
    private static bool NeverReachedBackend(Exception error, ForwardingAttempt? call) =>
        call is not null && !call.Content.Started && !call.Cancellation.IsCancellationRequested && IsConnectFailure(error);

    private static bool IsConnectFailure(Exception error) => error switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        HttpRequestException { InnerException: SocketException } => true,
        // SocketsHttpHandler's ConnectTimeout surfaces as a cancellation caused by a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>
    /// A transport failure that says something about the backend: not the client leaving, not the deadline, not the
    /// client's own body (e.g. over the limit).
    /// </summary>
    private static bool IsBackendsFault(ForwardingAttempt call, Exception error) =>
        IsTransportFailure(error) && !call.Cancellation.IsCancellationRequested && call.Content.ClientBodyError is null;

    private static bool IsTransportFailure(Exception error) =>
        IsConnectFailure(error) || error is HttpRequestException or HttpIOException or IOException;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>One forwarded call's state, shared by the steps and the retry predicate.</summary>
    private sealed class ForwardingAttempt(HttpContext context, RouteState route, ForwardedRequestContent content, DateTimeOffset? deadline, CancellationToken cancellation)
    {
        public HttpContext Context { get; } = context;
        public RouteState Route { get; } = route;
        public ForwardedRequestContent Content { get; } = content;
        public DateTimeOffset? Deadline { get; } = deadline;
        public CancellationToken Cancellation { get; } = cancellation;
        public DestinationState? Destination { get; set; }

        /// <summary>The failure of the attempt made before the retry pipeline, handed to Polly as its first outcome.</summary>
        public Exception? FirstFailure { get; set; }
    }

    private sealed class NoDestinationException(string clusterId)
        : Exception($"No healthy destination in cluster '{clusterId}'.");
}
