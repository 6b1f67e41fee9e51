using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Grpc.InteropServer.InteropRules;

/// <summary>
/// Writes what one StreamingOutputCallRequest asks for: one response per ResponseParameters, each after its
/// <c>interval_us</c> sleep, compressed only when that parameter says so.
/// </summary>
public static class StreamedResponses
{
    public static bool AnyCompressed(IEnumerable<StreamingOutputCallRequest> requests) =>
        requests.Any(request => request.ResponseParameters.Any(IsCompressed));

    public static async Task WriteAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                // The sleep honours cancellation so a cancelled or timed-out call does not keep the handler busy.
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken).ConfigureAwait(false);
            }
            // The call may have gzip selected; a message that did not ask for compression opts out of it.
            responses.WriteOptions = IsCompressed(parameters) ? null : new WriteOptions(WriteFlags.NoCompress);
            var payload = Payloads.Zeros(request.ResponseType, parameters.Size);
            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = payload }).ConfigureAwait(false);
        }
    }

    private static bool IsCompressed(ResponseParameters parameters) => parameters.Compressed?.Value ?? false;
}
