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
        // The addresses it prints are the moved ones, each with what it speaks: the web front is HTTP, the gRPC entry
        // h2c. The demo logins are there.
        var summary = SummaryRows(up.Output);
        Assert.StartsWith($"http://127.0.0.1:{up.Port(8080)}", summary["web front (browser)"], StringComparison.Ordinal);
        Assert.StartsWith($"127.0.0.1:{up.Port(8081)}", summary["gRPC entry (h2c)"], StringComparison.Ordinal);
        Assert.StartsWith($"127.0.0.1:{up.Port(5101)}", summary["directory (gRPC, h2c)"], StringComparison.Ordinal);
        Assert.StartsWith($"127.0.0.1:{up.Port(5102)}", summary["appointments (gRPC, h2c)"], StringComparison.Ordinal);
        Assert.Contains("frontdesk@onestop.local", summary.Keys);
        // The services' own logs are in files, not in the summary: none of their lines (e.g. "directory listening on
        // …") reaches the terminal, and `./onestop logs directory` follows the directory's.
        Assert.DoesNotContain(" info: ", up.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", up.Output, StringComparison.Ordinal);
        Assert.Contains("directory listening on", await File.ReadAllTextAsync(Path.Combine(up.DataDirectory, "logs", "directory.log")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(up.DataDirectory, "logs", "cache.log")), "the cache's output goes to logs/cache.log");
        var (_, followed) = await UpScript.RunAsync(new Dictionary<string, string> { ["ONESTOP_DATA_DIR"] = up.DataDirectory },
            TimeSpan.FromSeconds(60), "directory listening on", "logs", "directory");
        Assert.DoesNotContain("appointments listening on", followed, StringComparison.Ordinal);

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

        // Reflection at the gateway names the services behind it, and `./onestop call` (its address moved by the same
        // ONESTOP_PORT_OFFSET) finds the method by it and prints the answer as JSON.
        using (var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{up.Port(8081)}"))
        {
            using var reflection = new global::Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
            await reflection.RequestStream.WriteAsync(new global::Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
            await reflection.RequestStream.CompleteAsync();
            Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Contains("onestop.directory.v1.DirectoryService", reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        }
        var (callExit, called) = await UpScript.RunAsync(new Dictionary<string, string> { ["ONESTOP_PORT_OFFSET"] = up.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(3), null, "call", "onestop.directory.v1.DirectoryService/SearchServices",
            """{"municipalityAgs": "05766020", "language": "ar", "responseLanguage": "ar"}""", "--role", "frontdesk", "--org", "org-ip-lippe");
        Assert.True(callExit == 0, called);
        using (var answer = System.Text.Json.JsonDocument.Parse(called))
            Assert.NotEmpty(answer.RootElement.GetProperty("services").EnumerateArray());

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

    /// <summary>
    /// The rows of the summary after "OneStop is up": every one is "  LABEL  VALUE" with the values in one column, so
    /// the labels (padded) are the keys.
    /// </summary>
    private static Dictionary<string, string> SummaryRows(string output)
    {
        var lines = output[output.IndexOf("OneStop is up", StringComparison.Ordinal)..].Split('\n')
            .Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        var column = ValueColumn(lines[0]);
        Assert.All(lines, line => Assert.Equal(column, ValueColumn(line)));
        return lines.ToDictionary(l => l[..column].Trim(), l => l[column..]);
    }

    /// <summary>Where the value of a summary row starts: after the first run of two or more spaces past the label.</summary>
    private static int ValueColumn(string line)
    {
        var gap = line.IndexOf("  ", 2, StringComparison.Ordinal);
        Assert.True(gap > 2, $"a summary row has a label and a value: '{line}'");
        var column = gap;
        while (column < line.Length && line[column] == ' ') column++;
        return column;
    }

    [Fact]
    public async Task Up_refuses_a_port_offset_that_puts_the_web_front_on_a_port_browsers_block_and_names_one_that_works()
    {
        var data = Path.Combine(Path.GetTempPath(), "onestop-up-test", Guid.NewGuid().ToString("N"));

        // 8080 + 2000 = 10080, on the Fetch standard's list of bad ports: Chromium shows ERR_UNSAFE_PORT.
        var (exit, output) = await UpScript.RunAsync(new Dictionary<string, string> { ["ONESTOP_PORT_OFFSET"] = "2000", ["ONESTOP_DATA_DIR"] = data },
            TimeSpan.FromMinutes(2), null, "up");

        Assert.Equal(2, exit);
        Assert.Contains("port 10080, which browsers refuse to open", output, StringComparison.Ordinal);
        Assert.Contains("use ONESTOP_PORT_OFFSET=2001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting", output, StringComparison.Ordinal);
        Assert.False(System.IO.Directory.Exists(data), "nothing was started or written");
    }

    [Fact]
    public async Task Up_builds_only_what_changed_and_not_at_all_when_the_build_is_current()
    {
        var environment = new Dictionary<string, string>();

        // The first run builds unless an earlier one left its stamp; either way the second finds nothing to do.
        var (firstExit, first) = await UpScript.RunAsync(environment, TimeSpan.FromMinutes(20), null, "up", "--build-only");
        var (secondExit, second) = await UpScript.RunAsync(environment, TimeSpan.FromMinutes(2), null, "up", "--build-only");

        Assert.True(firstExit == 0, first);
        Assert.True(secondExit == 0, second);
        Assert.Contains("the Release build is up to date", second, StringComparison.Ordinal);
        Assert.DoesNotContain("projects and their references", second, StringComparison.Ordinal);
        Assert.DoesNotContain("built in", second, StringComparison.Ordinal);
        Assert.True(first.Contains("the Release build is up to date", StringComparison.Ordinal)
            || (first.Contains("built OneStop.Gateway", StringComparison.Ordinal) && first.Contains("built in", StringComparison.Ordinal)),
            $"a build prints each project as it is built:\n{first}");
    }
}

/// <summary>`./onestop up` starts five processes and seeds two databases: not alongside the other gateway tests on two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UpCollection
{
    public const string Name = "./onestop up";
}
