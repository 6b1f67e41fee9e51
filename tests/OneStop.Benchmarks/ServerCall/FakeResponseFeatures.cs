using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// The response half of a fake HTTP/2 exchange: headers, a body pipe and trailers, as Kestrel's HTTP/2 stream
/// offers them. Reused across calls (Kestrel reuses its stream objects too), so it allocates nothing per call itself.
/// </summary>
internal sealed class FakeResponseFeatures : IHttpResponseFeature, IHttpResponseBodyFeature, IHttpResponseTrailersFeature
{
    private readonly Pipe _body = new(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = new();
    private readonly List<(Func<object, Task> Callback, object State)> _onCompleted = new();
    private Stream? _bodyStream;

    public int StatusCode { get; set; } = StatusCodes.Status200OK;
    public string? ReasonPhrase { get; set; }
    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();
    public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    public bool HasStarted { get; private set; }

    /// <summary>Set once the app called CompleteAsync, as a gRPC server must so the trailers go out.</summary>
    public bool Completed { get; private set; }

    [Obsolete("Use IHttpResponseBodyFeature.Stream, as DefaultHttpContext does.")]
    public Stream Body
    {
        get => Stream;
        set => throw new NotSupportedException("The fake response body is a pipe.");
    }

    public Stream Stream => _bodyStream ??= _body.Writer.AsStream();
    public PipeWriter Writer => _body.Writer;

    public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));
    public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Add((callback, state));

    public void DisableBuffering() { }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (HasStarted) return;
        HasStarted = true;
        foreach (var (callback, state) in _onStarting) await callback(state).ConfigureAwait(false);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("No files in a gRPC benchmark.");

    /// <summary>Like Kestrel: headers if not yet sent, whatever body is buffered, then the trailers end the stream.</summary>
    public async Task CompleteAsync()
    {
        await StartAsync().ConfigureAwait(false);
        await _body.Writer.FlushAsync().ConfigureAwait(false);
        Completed = true;
    }

    /// <summary>Takes what the app wrote off the pipe (into <paramref name="copy"/> when given) and readies everything for the next call.</summary>
    public async Task EndAsync(List<byte>? copy)
    {
        foreach (var (callback, state) in _onCompleted) await callback(state).ConfigureAwait(false);
        _onStarting.Clear();
        _onCompleted.Clear();

        _body.Writer.Complete();
        while (true)
        {
            var result = await _body.Reader.ReadAsync().ConfigureAwait(false);
            if (copy is not null)
            {
                foreach (var segment in result.Buffer) copy.AddRange(segment.Span);
            }
            _body.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted) break;
        }
        _body.Reader.Complete();
        _body.Reset();

        Headers.Clear();
        Trailers.Clear();
        StatusCode = StatusCodes.Status200OK;
        ReasonPhrase = null;
        HasStarted = false;
        Completed = false;
    }
}
