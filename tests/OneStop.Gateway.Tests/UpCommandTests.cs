using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using OneStop.Appointments.V1;
using OneStop.Directory.V1;
using OneStop.Gateway.Tests.Support;
using OneStop.Interop.Tests.Interop;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>
/// `./onestop up` end to end, as the "done when" reads: the web front and the gRPC entry of the gateway
/// serve the seeded demo, an outside client with a token from `./onestop token` searches the directory and finds
/// joint slots, and a SIGTERM, repeated while the suite stops, still stops every process it started.
/// </summary>
[Collection(UpCollection.Name)]
public sealed class UpCommandTests
{
    /// <param name="cache">Debian's redis-server, and Microsoft Garnet (the embedded default where Redis is not installed).</param>
    [Theory]
    [InlineData("redis", "starting redis-server on 127.0.0.1:")]
    [InlineData("garnet", "starting Garnet on 127.0.0.1:")]
    public async Task Up_serves_the_demo_through_the_gateway_and_a_repeated_SIGTERM_stops_every_process(string cache, string cacheStarted)
    {
        await using var up = UpScript.Start(cache);
        await up.WaitForLineAsync("OneStop is up", TimeSpan.FromMinutes(4));
        var started = up.Descendants();
        up.KillOnDispose(started);
        Assert.Contains(cacheStarted, up.Output, StringComparison.Ordinal);
        Assert.True(started.Count(p => p.Command == "dotnet") >= 3, "directory, appointments and the gateway run as dotnet processes");
        // The addresses it prints are the moved ones, and the demo logins are there.
        Assert.Contains($"http://127.0.0.1:{up.Port(8081)}", up.Output, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{up.Port(8080)}", up.Output, StringComparison.Ordinal);
        Assert.Contains("frontdesk@onestop.local", up.Output, StringComparison.Ordinal);

        var token = (await BoundedProcess.RunAsync("bash", [Path.Combine(RepoPaths.RepoRoot, "onestop"), "token", "--role", "frontdesk", "--org", "org-ip-lippe"],
            RepoPaths.RepoRoot, TimeSpan.FromMinutes(2))).Trim();
        using (var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{up.Port(8081)}"))
        {
            var directory = new DirectoryService.DirectoryServiceClient(BearerCalls.Invoker(channel, token));
            var found = await directory.SearchServicesAsync(new SearchServicesRequest { MunicipalityAgs = "05766020", Language = "ar", ResponseLanguage = "ar" },
                deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.NotEmpty(found.Services);

            var appointments = new AppointmentsService.AppointmentsServiceClient(BearerCalls.Invoker(channel, token));
            var start = DateTime.UtcNow.Date.AddDays(3);
            var slots = await appointments.FindJointSlotsAsync(new FindJointSlotsRequest
            {
                AppointmentTypeId = "type-joint-aufenthalt-arbeit",
                RangeStart = Timestamp.FromDateTime(start),
                RangeEnd = Timestamp.FromDateTime(start.AddDays(14)),
                MaxResults = 3,
            }, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.NotEmpty(slots.Slots);

            var anonymous = new AppointmentsService.AppointmentsServiceClient(BearerCalls.Invoker(channel, null));
            var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.FindJointSlotsAsync(new FindJointSlotsRequest(),
                deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }

        // The public search page reaches the directory through the web front's own client.
        using (var web = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var page = await web.GetAsync($"http://127.0.0.1:{up.Port(8080)}/?language=ar&municipality=05766020");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("lang=\"de\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/services/", html, StringComparison.Ordinal);
        }

        // A second SIGTERM while the suite stops (a supervisor and `timeout` both sending one) must not cut the stop short.
        up.SendSigterm();
        await up.WaitForLineAsync("stopping", TimeSpan.FromSeconds(10));
        up.SendSigterm();
        var exit = await up.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        Assert.Contains("stopped", up.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(started, p => p.IsAlive);
        Assert.Empty(up.PortsStillOpen());
    }
}

/// <summary>`./onestop up` starts five processes and seeds two databases: not alongside the other gateway tests on two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UpCollection
{
    public const string Name = "./onestop up";
}
