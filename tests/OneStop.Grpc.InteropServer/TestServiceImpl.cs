using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Grpc.InteropServer.InteropRules;

namespace OneStop.Grpc.InteropServer;

/// <summary>
/// grpc.testing.TestService as grpc/grpc doc/interop-test-descriptions.md ("Server") describes it. Each rule lives
/// in InteropRules/; the methods only put them in order. UnimplementedCall is deliberately not overridden.
/// </summary>
public sealed class TestServiceImpl : TestService.TestServiceBase
{
    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        await ResponseHeaders.SendAsync(context, compressResponses: false).ConfigureAwait(false);
        return new Empty();
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        CompressionProbe.Check(request.ExpectCompressed, context);
        await ResponseHeaders.SendAsync(context, compressResponses: request.ResponseCompressed?.Value ?? false).ConfigureAwait(false);
        EchoStatusRule.ThrowIfRequested(request.ResponseStatus);
        return new SimpleResponse { Payload = Payloads.Zeros(request.ResponseType, request.ResponseSize) };
    }

    /// <summary>Answers with the current time in nanoseconds (different every time) and lets proxies cache it.</summary>
    public override async Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        var headers = new Metadata { { "cache-control", "max-age=60, public" } };
        foreach (var entry in EchoMetadata.InitialEntries(context)) headers.Add(entry);
        await context.WriteResponseHeadersAsync(headers).ConfigureAwait(false);
        var nanoseconds = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        var body = ByteString.CopyFromUtf8(nanoseconds.ToString(CultureInfo.InvariantCulture));
        return new SimpleResponse { Payload = new Payload { Type = PayloadType.Compressable, Body = body } };
    }

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        await ResponseHeaders.SendAsync(context, StreamedResponses.AnyCompressed([request])).ConfigureAwait(false);
        EchoStatusRule.ThrowIfRequested(request.ResponseStatus);
        await StreamedResponses.WriteAsync(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        await ResponseHeaders.SendAsync(context, compressResponses: false).ConfigureAwait(false);
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            CompressionProbe.Check(requestStream.Current.ExpectCompressed, context);
            total += Payloads.BodyLength(requestStream.Current.Payload);
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    /// <summary>Answers each request as it arrives; a request with response_status ends the call with it.</summary>
    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        // Headers leave before the requests are known, so gzip is selected up front (if the client accepts it);
        // each response that did not ask for compression is then written with NoCompress.
        await ResponseHeaders.SendAsync(context, compressResponses: true).ConfigureAwait(false);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            EchoStatusRule.ThrowIfRequested(requestStream.Current.ResponseStatus);
            await StreamedResponses.WriteAsync(requestStream.Current, responseStream, context).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every request first, then answers them in order.</summary>
    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        EchoMetadata.EchoTrailing(context);
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false)) requests.Add(requestStream.Current);

        await ResponseHeaders.SendAsync(context, StreamedResponses.AnyCompressed(requests)).ConfigureAwait(false);
        foreach (var request in requests)
        {
            EchoStatusRule.ThrowIfRequested(request.ResponseStatus);
            await StreamedResponses.WriteAsync(request, responseStream, context).ConfigureAwait(false);
        }
    }
}
