using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OneStop.Appointments.V1;
using OneStop.Directory.V1;
using OneStop.Gateway.Tests.Support;
using OneStop.Interop.Tests.Interop;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests;

/// <summary>
/// `./onestop up` supervises what it started: the cache killed, then a service killed, and the suite keeps answering
/// through the gateway while each killed process is started again (seen from outside, as a user would see it).
/// </summary>
[Collection(UpCollection.Name)]
public sealed class UpSupervisionTests
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_killed_cache_and_a_killed_service_are_restarted_while_the_rest_keeps_serving()
    {
        await using var up = UpScript.Start("redis");
        await up.WaitForLineAsync("OneStop is up", TimeSpan.FromMinutes(4));
        up.KillOnDispose(up.Descendants());
        var token = (await BoundedProcess.RunAsync("bash", [Path.Combine(RepoPaths.RepoRoot, "onestop"), "token", "--role", "frontdesk", "--org", "org-ip-lippe"],
            RepoPaths.RepoRoot, TimeSpan.FromMinutes(2))).Trim();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{up.Port(8081)}");
        var directory = new DirectoryService.DirectoryServiceClient(BearerCalls.Invoker(channel, token));
        var appointments = new AppointmentsService.AppointmentsServiceClient(BearerCalls.Invoker(channel, token));
        var before = await SearchAsync(directory);

        // The cache, SIGKILLed: the services read through to the directory, so the answers stay the same at once.
        var cache = Assert.Single(up.Descendants(), p => p.Command == "redis-server");
        cache.Kill();
        Assert.Equal(before, await SearchAsync(directory));
        await BookJointSlotAsync(appointments, "client-up-cache-killed");
        await up.WaitForLineAsync("cache exited (status 137", TimeSpan.FromSeconds(30));
        await up.WaitForLineAsync("cache is serving again", TimeSpan.FromMinutes(1));
        var newCache = Assert.Single(up.Descendants(), p => p.Command == "redis-server");
        Assert.NotEqual(cache, newCache);
        up.KillOnDispose([newCache]);

        // A service, SIGKILLed: the gateway answers UNAVAILABLE until the supervisor has started it again (bounded),
        // then the same answer as before; the other services served throughout.
        var killed = Assert.Single(up.Descendants(), p => CommandLine(p.Id).Contains("OneStop.Directory.dll", StringComparison.Ordinal));
        killed.Kill();
        await up.WaitForLineAsync("directory exited (status 137", TimeSpan.FromSeconds(30));
        await up.WaitForLineAsync("directory is serving again", TimeSpan.FromMinutes(2));
        Assert.Equal(before, await OnceAvailableAsync(() => SearchAsync(directory)));
        await OnceAvailableAsync(async () => { await BookJointSlotAsync(appointments, "client-up-directory-killed"); return true; });
        var restarted = Assert.Single(up.Descendants(), p => CommandLine(p.Id).Contains("OneStop.Directory.dll", StringComparison.Ordinal));
        Assert.NotEqual(killed, restarted);
        up.KillOnDispose([restarted]);
        using (var direct = GrpcChannel.ForAddress($"http://127.0.0.1:{up.Port(5101)}"))
        {
            var health = await new Health.HealthClient(direct).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + CallDeadline);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
        Assert.DoesNotContain("stopping", up.Output, StringComparison.Ordinal);

        // A cache that dies again each time it is started (killed as soon as it is seen) is given up on after five
        // fast crashes in a row, and the suite keeps answering without it.
        var giveUp = DateTime.UtcNow.AddMinutes(3);
        while (!up.Output.Contains("cache exited 5 times in a row within 30 s of its start; giving up on it", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < giveUp, $"the crashing cache was not given up on within 3 minutes:\n{up.Output}");
            foreach (var process in up.Descendants().Where(p => p.Command == "redis-server")) process.Kill();
            await Task.Delay(100);
        }
        Assert.Equal(before, await SearchAsync(directory));
        Assert.DoesNotContain("stopping", up.Output, StringComparison.Ordinal);

        up.SendSigterm();
        Assert.Equal(0, await up.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(up.PortsStillOpen());
    }

    private static async Task<List<string>> SearchAsync(DirectoryService.DirectoryServiceClient directory)
    {
        var found = await directory.SearchServicesAsync(new SearchServicesRequest { MunicipalityAgs = "05766020", Language = "ar", ResponseLanguage = "ar" },
            deadline: DateTime.UtcNow + CallDeadline);
        Assert.NotEmpty(found.Services);
        return found.Services.Select(s => s.Id).ToList();
    }

    /// <summary>FindJointSlots, then a hold and a booking of the first slot offered.</summary>
    private static async Task BookJointSlotAsync(AppointmentsService.AppointmentsServiceClient appointments, string clientId)
    {
        const string type = "type-joint-aufenthalt-arbeit";
        var start = DateTime.UtcNow.Date.AddDays(3);
        var slots = await appointments.FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = type,
            RangeStart = Timestamp.FromDateTime(start),
            RangeEnd = Timestamp.FromDateTime(start.AddDays(14)),
            MaxResults = 3,
        }, deadline: DateTime.UtcNow + CallDeadline);
        Assert.NotEmpty(slots.Slots);
        var hold = await appointments.HoldSlotAsync(new HoldSlotRequest { AppointmentTypeId = type, ClientId = clientId, Slot = slots.Slots[0] },
            deadline: DateTime.UtcNow + CallDeadline);
        var booked = await appointments.BookAppointmentAsync(new BookAppointmentRequest { HoldId = hold.Id, ClientId = clientId },
            deadline: DateTime.UtcNow + CallDeadline);
        Assert.False(string.IsNullOrEmpty(booked.Id));
    }

    /// <summary>
    /// The call's result once the gateway routes to the restarted service again: its health checks take the destination
    /// back within seconds, and until then it answers UNAVAILABLE (polled once a second, for at most a minute; any other
    /// failure fails the test).
    /// </summary>
    private static async Task<T> OnceAvailableAsync<T>(Func<Task<T>> call)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static string CommandLine(int id)
    {
        try { return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }
}
