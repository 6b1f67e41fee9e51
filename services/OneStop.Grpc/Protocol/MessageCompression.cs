using System.Buffers;
using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace OneStop.Grpc.Protocol;

/// <summary>Per-message compression both ways, with the size limit applied to the decompressed message too.</summary>
internal static class MessageCompression
{
    public static ICompressionProvider? Find(IReadOnlyList<ICompressionProvider> providers, string encoding)
    {
        foreach (var provider in providers)
        {
            if (string.Equals(provider.EncodingName, encoding, StringComparison.Ordinal)) return provider;
        }
        return null;
    }

    /// <summary>The comma-separated encodings we accept, for <c>grpc-accept-encoding</c>.</summary>
    public static string AcceptEncoding(IReadOnlyList<ICompressionProvider> providers) =>
        string.Join(",", providers.Select(p => p.EncodingName).Prepend(GrpcProtocol.IdentityEncoding));

    /// <summary>True when a comma-separated <c>grpc-accept-encoding</c> value lists <paramref name="encoding"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (acceptEncoding is null) return false;
        foreach (var part in acceptEncoding.Split(','))
        {
            if (part.Trim() == encoding) return true;
        }
        return false;
    }

    public static byte[] Compress(ICompressionProvider provider, ReadOnlySpan<byte> payload, CompressionLevel? level)
    {
        using var output = new MemoryStream();
        using (var compressor = provider.CreateCompressionStream(output, level))
        {
            compressor.Write(payload);
        }
        return output.ToArray();
    }

    public static ReadOnlySequence<byte> Decompress(ICompressionProvider provider, ReadOnlySequence<byte> payload, int maxMessageSize)
    {
        using var input = new MemoryStream(payload.ToArray(), writable: false);
        using var decompressor = provider.CreateDecompressionStream(input);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = ReadSafely(decompressor, chunk)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"Received message larger than max after decompression (more than {maxMessageSize} bytes)."));
                }
                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    private static int ReadSafely(Stream decompressor, byte[] chunk)
    {
        try
        {
            return decompressor.Read(chunk, 0, chunk.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress message: " + ex.Message));
        }
    }
}
