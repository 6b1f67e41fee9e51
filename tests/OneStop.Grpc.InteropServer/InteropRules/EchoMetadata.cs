using Grpc.Core;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>The spec's Echo Metadata: two request headers come back, one as initial and one as trailing metadata.</summary>
public static class EchoMetadata
{
    public const string InitialKey = "x-grpc-test-echo-initial";
    public const string TrailingKey = "x-grpc-test-echo-trailing-bin";

    /// <summary>The echoed initial entries (none when the client sent none).</summary>
    public static IEnumerable<Metadata.Entry> InitialEntries(ServerCallContext context) =>
        context.RequestHeaders.Where(entry => entry.Key == InitialKey);

    /// <summary>
    /// Copies the trailing key into the response trailers. Done first thing in every method, so whatever ends the
    /// call (OK, an echoed status, a probe failure) still carries it.
    /// </summary>
    public static void EchoTrailing(ServerCallContext context)
    {
        foreach (var entry in context.RequestHeaders.Where(entry => entry.Key == TrailingKey))
        {
            context.ResponseTrailers.Add(entry);
        }
    }
}
