using Microsoft.AspNetCore.Http;
using OneStop.Grpc.Server;

namespace Grpc.Core;

public static class ServerCallContextExtensions
{
    /// <summary>The HTTP request behind a server call (for the user, connection and features).</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext) =>
        serverCallContext is HttpContextServerCallContext call
            ? call.HttpContext
            : throw new InvalidOperationException("This ServerCallContext does not belong to an HTTP request.");

    /// <summary>
    /// Whether the last request message read had its compressed flag set. A OneStop addition: the interop
    /// tests' <c>expect_compressed</c> probe needs it, and grpc-dotnet does not expose it.
    /// </summary>
    public static bool IsLastRequestMessageCompressed(this ServerCallContext serverCallContext) =>
        serverCallContext is HttpContextServerCallContext call && call.LastRequestMessageCompressed;
}
