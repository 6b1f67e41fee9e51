using Microsoft.AspNetCore.Http;
using Grpc.Core;
using Grpc.Testing;
using OneStop.Gateway.Tests.Support;
using OneStop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Tests;

/// <summary>Backends that are down, die mid-stream, stall past the deadline, or lose their client.</summary>
public sealed class BackendFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_backend_that_is_down_gives_UNAVAILABLE_not_a_bare_502()
    {
        var nobody = new Uri($"http://127.0.0.1:{FreePort.Pick()}");
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", nobody));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("testing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_killed_in_the_middle_of_a_stream_ends_the_call_with_UNAVAILABLE()
    {
        using var backend = await ServiceProcess.StartInteropServerAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 10 });
        request.ResponseParameters.Add(new ResponseParameters { Size = 10, IntervalUs = 60_000_000 }); // a minute: killed before

        using var call = client.StreamingOutputCall(request, deadline: DateTime.UtcNow.AddSeconds(60));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        Assert.Equal(10, call.ResponseStream.Current.Payload.Body.Length);
        backend.Kill();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_backend_that_ignores_the_deadline_is_cut_off_with_DEADLINE_EXCEEDED_and_cancelled()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = async context => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync.WaitAsync(Bound));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await backend.CallAborted.Task.WaitAsync(Bound); // the gateway reset the backend's stream
    }

    [Fact]
    public async Task The_backend_gets_the_remaining_deadline_as_grpc_timeout()
    {
        await using var backend = await RawBackend.StartAsync();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(5));

        Assert.True(backend.ReceivedHeaders.TryDequeue(out var headers));
        Assert.True(OneStop.Gateway.Forwarding.Protocol.GrpcTimeout.TryParse(headers["grpc-timeout"], out var timeout), "headers: " + string.Join(", ", headers.Select(h => h.Key + "=" + h.Value)));
        Assert.InRange(timeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_client_that_cancels_cancels_the_backend_call()
    {
        await using var backend = await RawBackend.StartAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        backend.OnCall = async context =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());
        using var cancel = new CancellationTokenSource();

        var call = client.EmptyCallAsync(new Empty(), cancellationToken: cancel.Token);
        await started.Task.WaitAsync(Bound);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Bound));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await backend.CallAborted.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_call_that_reached_its_backend_is_not_retried()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = context =>
        {
            context.Abort(); // dies after the request arrived: repeating it could act twice
            return Task.CompletedTask;
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address)
            .With("ReverseProxy:Clusters:testing:HealthCheck:Passive:Enabled", "false"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, backend.Calls);
    }

    [Fact]
    public async Task A_call_that_never_reached_a_backend_is_retried_on_another_destination()
    {
        await using var live = await RawBackend.StartAsync();
        var dead = new Uri($"http://127.0.0.1:{FreePort.Pick()}");
        // Active checks off: only the retry (and then passive health) can route around the dead destination.
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", dead, live.Address)
            .With("ReverseProxy:Clusters:testing:HealthCheck:Active:Enabled", "false"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        for (var i = 0; i < 6; i++) await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        Assert.Equal(6, live.Calls);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_call_is_retried_MaxRetries_times_and_no_more(int maxRetries)
    {
        // Five refusing destinations: each attempt goes to one not tried yet and passive health marks it, so the
        // marked ones count the attempts.
        var dead = Enumerable.Range(0, 5).Select(_ => new Uri($"http://127.0.0.1:{FreePort.Pick()}")).ToArray();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", dead)
            .With("ReverseProxy:Clusters:testing:HealthCheck:Active:Enabled", "false")
            .With("ReverseProxy:Clusters:testing:HealthCheck:Passive:ReactivationPeriod", "00:10:00")
            .With("OneStop:Gateway:Forwarder:MaxRetries", maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.DoesNotContain("127.0.0.1", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("testing", out var cluster));
        Assert.Equal(maxRetries + 1, cluster.Destinations.Values.Count(d => d.Health.Passive == DestinationHealth.Unhealthy));
    }

    [Fact]
    public async Task A_retried_call_reaches_the_live_destination_behind_refusing_ones()
    {
        await using var live = await RawBackend.StartAsync();
        var dead = Enumerable.Range(0, 3).Select(_ => new Uri($"http://127.0.0.1:{FreePort.Pick()}")).ToArray();
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", [.. dead, live.Address])
            .With("ReverseProxy:Clusters:testing:HealthCheck:Active:Enabled", "false")
            .With("OneStop:Gateway:Forwarder:MaxRetries", "3"));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);

        Assert.Equal(1, live.Calls);
    }

    [Fact]
    public async Task A_backend_that_ends_the_call_while_the_client_still_streams_ends_it_for_the_client_and_the_gateway_carries_on()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = RawBackend.TrailersOnly(9, "not now"); // refuses at once, without reading the stream
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        for (var call = 0; call < 20; call++)
        {
            using var streaming = client.StreamingInputCall(deadline: DateTime.UtcNow + Bound);
            await streaming.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFrom(new byte[100]) } });
            var error = await Assert.ThrowsAsync<RpcException>(() => streaming.ResponseAsync.WaitAsync(Bound));
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        }

        backend.OnCall = RawBackend.ReplyEmptyAsync;
        await client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound);
    }

    [Theory]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(401, StatusCode.Unauthenticated)]
    public async Task A_backend_answer_that_is_not_gRPC_becomes_a_gRPC_status(int httpStatus, StatusCode expected)
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = async context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<h1>Bad Gateway from a sidecar</h1>");
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        using var http = new HttpClient();

        // On the wire, not through a gRPC client (which would map a bare HTTP status by itself).
        using var response = await http.SendAsync(ForwardingTests.GrpcPost(gateway.GrpcAddress, "/grpc.testing.TestService/EmptyCall", [0, 0, 0, 0, 0]));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("grpc-status").Single());
        Assert.DoesNotContain("127.0.0.1", response.Headers.GetValues("grpc-message").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_that_ends_without_a_status_gives_INTERNAL()
    {
        await using var backend = await RawBackend.StartAsync();
        backend.OnCall = async context =>
        {
            await RawBackend.DrainRequestAsync(context);
            await RawBackend.WriteHeadersAsync(context);
            await RawBackend.WriteMessageAsync(context, new Empty()); // and no trailers
        };
        await using var gateway = await GatewayTestHost.StartAsync(Routes.GrpcTesting("anonymous", backend.Address));
        var client = new TestService.TestServiceClient(gateway.CallInvoker());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty(), deadline: DateTime.UtcNow + Bound).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
