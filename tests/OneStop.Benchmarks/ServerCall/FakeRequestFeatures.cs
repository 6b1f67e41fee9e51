using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// The request half of a fake HTTP/2 exchange: an h2load-like gRPC request whose body arrives through a pipe, as
/// Kestrel hands it to the app. Reused across calls, as Kestrel reuses its stream objects, so it allocates nothing
/// per call itself.
/// </summary>
internal sealed class FakeRequestFeatures : IHttpRequestFeature, IRequestBodyPipeFeature, IHttpRequestLifetimeFeature
{
    // Inline schedulers: the call runs to the end on the benchmark's thread, with no thread-pool hops to measure.
    private readonly Pipe _body = new(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
    private Stream? _bodyStream;

    public FakeRequestFeatures(string path)
    {
        Path = path;
        // What h2load sends (see run-h2load.sh) as Kestrel presents it: its known headers under their canonical
        // names, in this order, and without the pseudo-headers (:authority becomes Host).
        Headers = new HeaderDictionary
        {
            { "Host", "127.0.0.1:5000" },
            { "User-Agent", "h2load nghttp2/1.52.0" },
            { "Content-Type", "application/grpc" },
            { "TE", "trailers" },
            { "Content-Length", "5" },
        };
    }

    public string Protocol { get; set; } = "HTTP/2";
    public string Scheme { get; set; } = "http";
    public string Method { get; set; } = "POST";
    public string PathBase { get; set; } = "";
    public string Path { get; set; }
    public string QueryString { get; set; } = "";
    public string RawTarget { get; set; } = "";
    public IHeaderDictionary Headers { get; set; }

    public Stream Body
    {
        get => _bodyStream ??= _body.Reader.AsStream();
        set => throw new NotSupportedException("The fake request body is a pipe.");
    }

    public PipeReader Reader => _body.Reader;

    public CancellationToken RequestAborted { get; set; }

    public void Abort() => throw new InvalidOperationException("A benchmark call aborted its request.");

    /// <summary>Puts one request body in the pipe and ends it, as a client's DATA frame with END_STREAM does.</summary>
    public void Begin(ReadOnlySpan<byte> body)
    {
        _body.Writer.Write(body);
        _body.Writer.Complete();
    }

    /// <summary>Makes the pipe ready for the next call.</summary>
    public void End()
    {
        _body.Reader.Complete();
        _body.Reset();
    }
}
