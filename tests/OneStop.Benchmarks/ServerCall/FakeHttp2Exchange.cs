using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// One HTTP/2 request/response on a DefaultHttpContext with no network under it, for measuring what a request
/// delegate allocates per call. Everything here is built once and reset between calls, so whatever a benchmark
/// allocates per op is the handler's own.
/// </summary>
internal sealed class FakeHttp2Exchange
{
    /// <summary>An empty grpc.testing.Empty as one frame: not compressed, length 0.</summary>
    public static readonly byte[] EmptyMessageFrame = new byte[5];

    private readonly FakeRequestFeatures _request;
    private readonly FakeResponseFeatures _response = new();
    private readonly FakeRequestServices _services;

    public FakeHttp2Exchange(string path, IServiceScopeFactory scopeFactory)
    {
        _request = new FakeRequestFeatures(path);
        _services = new FakeRequestServices(scopeFactory);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(_request);
        features.Set<IRequestBodyPipeFeature>(_request);
        features.Set<IHttpRequestLifetimeFeature>(_request);
        features.Set<IHttpResponseFeature>(_response);
        features.Set<IHttpResponseBodyFeature>(_response);
        features.Set<IHttpResponseTrailersFeature>(_response);
        features.Set<IServiceProvidersFeature>(_services);
        Context = new DefaultHttpContext(features);
    }

    public HttpContext Context { get; }

    /// <summary>Fills the request body with one empty message frame, ready for the handler.</summary>
    public void Begin() => _request.Begin(EmptyMessageFrame);

    /// <summary>Ends the call as the server would and resets everything for the next one.</summary>
    public async Task EndAsync()
    {
        await _response.EndAsync(copy: null).ConfigureAwait(false);
        await _services.EndAsync().ConfigureAwait(false);
        _request.End();
    }

    /// <summary>
    /// Runs <paramref name="handler"/> once and checks it answered as a successful EmptyCall must: 200,
    /// application/grpc, body 00 00 00 00 00, trailer grpc-status 0, response completed.
    /// </summary>
    public async Task VerifyEmptyCallAsync(RequestDelegate handler, string name)
    {
        Begin();
        await handler(Context).ConfigureAwait(false);
        var status = _response.StatusCode;
        var contentType = _response.Headers.ContentType.ToString();
        var grpcStatus = _response.Trailers["grpc-status"].ToString();
        var completed = _response.Completed;
        var body = new List<byte>();
        await _response.EndAsync(body).ConfigureAwait(false);
        await _services.EndAsync().ConfigureAwait(false);
        _request.End();

        if (status != 200 || contentType != "application/grpc" || grpcStatus != "0" || !completed || !body.SequenceEqual(EmptyMessageFrame))
        {
            throw new InvalidOperationException(
                $"{name} did not answer like an EmptyCall: HTTP {status}, content-type '{contentType}', grpc-status '{grpcStatus}', " +
                $"completed {completed}, body [{string.Join(' ', body.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))}].");
        }
    }
}
