using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>A per-message compression algorithm, named as in <c>grpc-encoding</c>.</summary>
public interface ICompressionProvider
{
    string EncodingName { get; }
    Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel);
    Stream CreateDecompressionStream(Stream stream);
}

/// <summary>gzip (RFC 1952), the encoding every gRPC implementation supports.</summary>
public sealed class GzipCompressionProvider(CompressionLevel defaultCompressionLevel) : ICompressionProvider
{
    public GzipCompressionProvider() : this(CompressionLevel.Fastest) { }

    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) => new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
}

/// <summary>deflate (zlib, RFC 1950), as gRPC's "deflate" encoding.</summary>
public sealed class DeflateCompressionProvider(CompressionLevel defaultCompressionLevel) : ICompressionProvider
{
    public DeflateCompressionProvider() : this(CompressionLevel.Fastest) { }

    public string EncodingName => "deflate";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new ZLibStream(stream, compressionLevel ?? defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) => new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
}
