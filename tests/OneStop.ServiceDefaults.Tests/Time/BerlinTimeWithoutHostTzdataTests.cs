using NodaTime;
using NodaTime.TimeZones;
using OneStop.ServiceDefaults.Time;

namespace OneStop.ServiceDefaults.Tests.Time;

/// <summary>Hides the host's tz database from the whole process, so nothing else may run meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostTzdataCollection
{
    public const string Name = "host tzdata hidden";
}

/// <summary>
/// BerlinTime must not need the machine's tzdata (slim containers lack it; the old gateway helper threw there).
/// .NET on Linux reads zones from $TZDIR (default /usr/share/zoneinfo): pointing it at an empty directory makes
/// TimeZoneInfo fail to find Europe/Berlin, while BerlinTime keeps answering from NodaTime's embedded TZDB.
/// </summary>
[Collection(HostTzdataCollection.Name)]
public sealed class BerlinTimeWithoutHostTzdataTests
{
    [Fact]
    public void The_zone_is_nodatimes_embedded_tzdb_not_the_hosts()
    {
        Assert.Same(DateTimeZoneProviders.Tzdb[BerlinTime.TimeZoneId], BerlinTime.Zone);
        Assert.IsNotType<BclDateTimeZone>(BerlinTime.Zone);
        Assert.Equal(TzdbDateTimeZoneSource.Default.VersionId, DateTimeZoneProviders.Tzdb.VersionId);
        Assert.Contains(BerlinTime.TimeZoneId, TzdbDateTimeZoneSource.Default.GetIds());
    }

    [Fact]
    public void Conversions_give_the_same_answers_when_the_host_has_no_tzdata()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps zones in the registry; TZDIR only hides them on Linux and macOS
        }
        var empty = System.IO.Directory.CreateTempSubdirectory("no-tzdata-");
        var before = Environment.GetEnvironmentVariable("TZDIR");
        try
        {
            Environment.SetEnvironmentVariable("TZDIR", empty.FullName);
            TimeZoneInfo.ClearCachedData();
            // The precondition: the host really has no Europe/Berlin now.
            Assert.Throws<TimeZoneNotFoundException>(() => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

            var summer = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
            Assert.Equal(new DateTime(2026, 7, 1, 12, 0, 0), BerlinTime.ToLocal(summer));
            Assert.Equal(TimeSpan.FromHours(1), BerlinTime.OffsetAt(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));
            Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), BerlinTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
            Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero),
                BerlinTime.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), BerlinTime.Occurrence.Second));
            // A zone looked up afresh from the embedded data, not one cached before TZDIR changed.
            var fresh = new DateTimeZoneCache(TzdbDateTimeZoneSource.Default)[BerlinTime.TimeZoneId];
            Assert.Equal(Offset.FromHours(2), fresh.GetUtcOffset(Instant.FromDateTimeOffset(summer)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZDIR", before);
            TimeZoneInfo.ClearCachedData();
            empty.Delete(recursive: true);
        }
    }
}
