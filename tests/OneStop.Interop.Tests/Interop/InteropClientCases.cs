using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Interop.Tests.Interop;

/// <summary>
/// The interop test cases of grpc/grpc doc/interop-test-descriptions.md, for our C# client on any channel: one
/// method per case, asserting what the spec says the client asserts. Every call carries a deadline so nothing
/// can hang.
/// </summary>
public sealed class InteropClientCases
{
    private const int LargeRequest = 271828;
    private const int LargeResponse = 314159;
    private static readonly int[] RequestSizes = [27182, 8, 1828, 45904];
    private static readonly int[] ResponseSizes = [31415, 9, 2653, 58979];
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoInitialValue = "test_initial_metadata_value";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private static readonly byte[] EchoTrailingValue = [0xab, 0xab, 0xab];

    /// <summary>As in grpc-dotnet: a request header (not sent) that makes this call's request messages gzip.</summary>
    private const string CompressRequestKey = "grpc-internal-encoding-request";

    private readonly TestService.TestServiceClient _client;
    private readonly UnimplementedService.UnimplementedServiceClient _unimplemented;

    public InteropClientCases(ChannelBase channel) : this(channel.CreateCallInvoker()) { }

    public InteropClientCases(CallInvoker invoker)
    {
        _client = new TestService.TestServiceClient(invoker);
        _unimplemented = new UnimplementedService.UnimplementedServiceClient(invoker);
    }

    /// <summary>Runs the case with the interop name <paramref name="testCase"/> (e.g. "large_unary").</summary>
    public Task RunAsync(string testCase) => testCase switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "custom_metadata" => CustomMetadataAsync(),
        "status_code_and_message" => StatusCodeAndMessageAsync(),
        "special_status_message" => SpecialStatusMessageAsync(),
        "unimplemented_method" => UnimplementedMethodAsync(),
        "unimplemented_service" => UnimplementedServiceAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        _ => throw new ArgumentException($"Unknown interop case '{testCase}'.", nameof(testCase)),
    };

    public async Task EmptyUnaryAsync()
    {
        var response = await _client.EmptyCallAsync(new Empty(), deadline: Deadline());
        Assert.NotNull(response);
    }

    public async Task LargeUnaryAsync()
    {
        var response = await _client.UnaryCallAsync(LargeUnaryRequest(), deadline: Deadline());
        AssertZeros(response.Payload, LargeResponse);
    }

    public async Task ClientCompressedUnaryAsync()
    {
        // The probe goes uncompressed: a server that checks expect_compressed must refuse it.
        var probe = LargeUnaryRequest();
        probe.ExpectCompressed = new BoolValue { Value = true };
        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.UnaryCallAsync(probe, deadline: Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);

        var compressed = LargeUnaryRequest();
        compressed.ExpectCompressed = new BoolValue { Value = true };
        var gzip = new Metadata { { CompressRequestKey, "gzip" } };
        AssertZeros((await _client.UnaryCallAsync(compressed, gzip, Deadline())).Payload, LargeResponse);

        var plain = LargeUnaryRequest();
        plain.ExpectCompressed = new BoolValue { Value = false };
        AssertZeros((await _client.UnaryCallAsync(plain, deadline: Deadline())).Payload, LargeResponse);
    }

    /// <summary>The client does not expose the per-message compressed flag (neither does grpc-dotnet): the payload must survive both ways.</summary>
    public async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeUnaryRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            var response = await _client.UnaryCallAsync(request, deadline: Deadline());
            AssertZeros(response.Payload, LargeResponse);
        }
    }

    public async Task ClientStreamingAsync()
    {
        using var call = _client.StreamingInputCall(deadline: Deadline());
        foreach (var size in RequestSizes)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        Assert.Equal(74922, response.AggregatedPayloadSize);
    }

    public async Task ServerStreamingAsync()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(ResponseSizes.Select(size => new ResponseParameters { Size = size }));
        using var call = _client.StreamingOutputCall(request, deadline: Deadline());
        var sizes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            AssertZeros(response.Payload, response.Payload.Body.Length);
            sizes.Add(response.Payload.Body.Length);
        }
        Assert.Equal(ResponseSizes, sizes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    public async Task PingPongAsync()
    {
        using var call = _client.FullDuplexCall(deadline: Deadline());
        for (var i = 0; i < RequestSizes.Length; i++)
        {
            await call.RequestStream.WriteAsync(StreamingRequest(ResponseSizes[i], RequestSizes[i]));
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"No response {i}.");
            AssertZeros(call.ResponseStream.Current.Payload, ResponseSizes[i]);
        }
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "More than four responses.");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    public async Task EmptyStreamAsync()
    {
        using var call = _client.FullDuplexCall(deadline: Deadline());
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "A response arrived on an empty stream.");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    public async Task CustomMetadataAsync()
    {
        using (var unary = _client.UnaryCallAsync(LargeUnaryRequest(), EchoHeaders(), Deadline()))
        {
            AssertZeros((await unary.ResponseAsync).Payload, LargeResponse);
            AssertEchoed(await unary.ResponseHeadersAsync, unary.GetTrailers(), "UnaryCall");
        }

        using var duplex = _client.FullDuplexCall(EchoHeaders(), Deadline());
        await duplex.RequestStream.WriteAsync(StreamingRequest(LargeResponse, LargeRequest));
        await duplex.RequestStream.CompleteAsync();
        var headers = await duplex.ResponseHeadersAsync;
        Assert.True(await duplex.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall sent no response.");
        AssertZeros(duplex.ResponseStream.Current.Payload, LargeResponse);
        Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall sent more than one response.");
        AssertEchoed(headers, duplex.GetTrailers(), "FullDuplexCall");
    }

    public async Task StatusCodeAndMessageAsync()
    {
        const string message = "test status message";
        await AssertEchoedStatusAsync(message);

        using var duplex = _client.FullDuplexCall(deadline: Deadline());
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } });
        await duplex.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => duplex.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    public Task SpecialStatusMessageAsync() =>
        AssertEchoedStatusAsync("\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \U0001F608\t\n");

    public async Task UnimplementedMethodAsync()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UnimplementedCallAsync(new Empty(), deadline: Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    public async Task UnimplementedServiceAsync()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _unimplemented.UnimplementedCallAsync(new Empty(), deadline: Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    public async Task CancelAfterBeginAsync()
    {
        using var cts = new CancellationTokenSource();
        using var call = _client.StreamingInputCall(deadline: Deadline(), cancellationToken: cts.Token);
        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    public async Task CancelAfterFirstResponseAsync()
    {
        using var cts = new CancellationTokenSource();
        using var call = _client.FullDuplexCall(deadline: Deadline(), cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(StreamingRequest(31415, 27182));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "No first response.");
        AssertZeros(call.ResponseStream.Current.Payload, 31415);

        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    public async Task TimeoutOnSleepingServerAsync()
    {
        using var call = _client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) });
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The deadline may pass before or during the write. grpc-dotnet then fails the write with whatever
            // stopped it (CANCELLED when the deadline cancels the send in flight, or "call completed"): the call's
            // status is what the case checks, and it is read below.
        }
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private async Task AssertEchoedStatusAsync(string message)
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } };
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UnaryCallAsync(request, deadline: Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    private static void AssertEchoed(Metadata headers, Metadata trailers, string call)
    {
        Assert.True(headers.GetValue(EchoInitialKey) == EchoInitialValue, $"{call}: initial metadata {EchoInitialKey} = '{headers.GetValue(EchoInitialKey)}'.");
        Assert.True(trailers.GetValueBytes(EchoTrailingKey) is { } bytes && bytes.AsSpan().SequenceEqual(EchoTrailingValue),
            $"{call}: trailing metadata {EchoTrailingKey} missing or not 0xababab.");
    }

    private static Metadata EchoHeaders() => new()
    {
        { EchoInitialKey, EchoInitialValue },
        { EchoTrailingKey, EchoTrailingValue },
    };

    private static DateTime Deadline() => DateTime.UtcNow + CallTimeout;

    private static SimpleRequest LargeUnaryRequest() => new() { ResponseSize = LargeResponse, Payload = Zeros(LargeRequest) };

    private static StreamingOutputCallRequest StreamingRequest(int responseSize, int requestSize)
    {
        var request = new StreamingOutputCallRequest { Payload = Zeros(requestSize) };
        request.ResponseParameters.Add(new ResponseParameters { Size = responseSize });
        return request;
    }

    private static Payload Zeros(int size) => new() { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };

    private static void AssertZeros(Payload? payload, int size)
    {
        Assert.NotNull(payload);
        Assert.Equal(size, payload.Body.Length);
        Assert.True(payload.Body.Span.IndexOfAnyExcept((byte)0) < 0, "The payload is not all zeros.");
    }
}
