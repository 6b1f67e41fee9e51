using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;

namespace OneStop.Gateway.Tests;

/// <summary>
/// A cluster's HttpRequest:ActivityTimeout (YARP's setting, 100 s by default in YARP's own forwarder) cuts a call only
/// when it is configured and the call is idle longer; long-lived Watch streams stay open on clusters without one.
/// </summary>
public sealed class ActivityTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>One message, a second of silence, another message.</summary>
    private static Func<HttpContext, Task> QuietStream => async context =>
    {
        await RawBackend.DrainRequestAsync(context);
        await RawBackend.WriteHeadersAsync(context);
        await RawBackend.WriteMessageAsync(context, new StreamingOutputCallResponse());
        await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
        await RawBackend.WriteMessageAsync(context, new StreamingOutputCallResponse());
        context.Response.AppendTrailer("grpc-status", "0");
    };

    [Theory]
    [InlineData(null)]
    [InlineData("1.00:00:00")]
    public async Task A_stream_idle_for_a_second_survives_without_or_with_a_long_activity_timeout(string? activityTimeout)
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = QuietStream;
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
            .With("ReverseProxy:Clusters:testing:HttpRequest:ActivityTimeout", activityTimeout));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        using var call = client.StreamingOutputCall(new StreamingOutputCallRequest(), deadline: DateTime.UtcNow + Bound);
        var received = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) received++;

        Assert.Equal(2, received);
    }

    [Fact]
    public async Task A_stream_idle_longer_than_a_short_activity_timeout_is_cut_with_UNAVAILABLE()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = QuietStream;
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
            .With("ReverseProxy:Clusters:testing:HttpRequest:ActivityTimeout", "00:00:00.200"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        using var call = client.StreamingOutputCall(new StreamingOutputCallRequest(), deadline: DateTime.UtcNow + Bound);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("activity timeout", error.Status.Detail, StringComparison.Ordinal);
        await backend.CallAborted.Task.WaitAsync(Bound); // the backend's stream was reset too
    }
}
