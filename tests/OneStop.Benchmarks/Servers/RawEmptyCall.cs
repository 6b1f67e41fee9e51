using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OneStop.Benchmarks.Servers;

/// <summary>
/// A successful grpc.testing.TestService/EmptyCall answered by hand: the same bytes grpc-dotnet sends (HEADERS
/// with 200 and application/grpc, DATA 00 00 00 00 00, trailers grpc-status: 0) with no gRPC layer at all. It is
/// the ceiling of the h2load run (served by RawKestrelServer).
/// </summary>
internal static class RawEmptyCall
{
    public const string Path = "/grpc.testing.TestService/EmptyCall";

    /// <summary>An empty message as one frame: not compressed, length 0.</summary>
    private static readonly byte[] EmptyMessageFrame = new byte[5];

    public static async Task HandleAsync(HttpContext context)
    {
        // Drain the request to its end, as a server must before it can call a unary request complete.
        var request = context.Request.BodyReader;
        while (true)
        {
            var result = await request.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            request.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled) break;
        }

        var response = context.Response;
        response.ContentType = "application/grpc";
        response.BodyWriter.Write(EmptyMessageFrame);
        context.Features.Get<IHttpResponseTrailersFeature>()!.Trailers["grpc-status"] = "0";
        // Ends the stream with the trailers; whatever is buffered (headers, the frame) goes out with them.
        await response.CompleteAsync().ConfigureAwait(false);
    }
}
