using OneStop.Appointments.Domain;
using static OneStop.Appointments.Tests.Domain.Instants;
using static OneStop.Appointments.Tests.Domain.SlotScenario;

namespace OneStop.Appointments.Tests.Domain;

/// <summary>
/// The bitset finder against a plain interval check on random calendars: every start it offers must be valid, and
/// every valid grid start must be offered (pools here never share resources, so "someone of each pool is free" is
/// the whole condition).
/// </summary>
public sealed class JointSlotFinderCrossCheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Offers_exactly_the_starts_a_naive_check_finds(int seed)
    {
        var random = new Random(seed);
        var from = Utc(2026, 10, 24);
        var to = Utc(2026, 10, 27);
        var pools = Enumerable.Range(0, 3).Select(p => Need($"pools[{p}]",
            [.. Enumerable.Range(0, 3).Select(i => RandomCandidate(random, $"p{p}-c{i}", from))])).ToArray();
        var query = Query(pools) with { RangeStart = from, RangeEnd = to, Now = from, Duration = TimeSpan.FromMinutes(45), MaxResults = 10_000 };

        var offered = JointSlotFinder.Find(query).Select(s => s.Span.Start).ToHashSet();
        Assert.NotEmpty(offered);

        for (var start = from; start + query.Duration <= to; start += TimeSpan.FromMinutes(15))
        {
            var slot = new UtcInterval(start, start + query.Duration);
            var valid = pools.All(pool => pool.Candidates.Any(c => IsFree(c, slot)));
            Assert.True(valid == offered.Contains(start), $"{slot}: naive {valid}, finder {offered.Contains(start)}");
        }
    }

    private static bool IsFree(SlotCandidate candidate, UtcInterval slot) =>
        candidate.Available.Any(a => a.Contains(slot)) && !candidate.Busy.Any(b => b.Overlaps(candidate.Buffers.Around(slot)));

    private static SlotCandidate RandomCandidate(Random random, string id, DateTimeOffset from)
    {
        List<UtcInterval> available = [], busy = [];
        for (var i = 0; i < 12; i++)
        {
            var start = from + TimeSpan.FromMinutes(5 * random.Next(0, 864));
            available.Add(new UtcInterval(start, start + TimeSpan.FromMinutes(5 * random.Next(6, 60))));
            var busyStart = from + TimeSpan.FromMinutes(5 * random.Next(0, 864));
            busy.Add(new UtcInterval(busyStart, busyStart + TimeSpan.FromMinutes(5 * random.Next(1, 24))));
        }
        var buffers = new ResourceBuffers(TimeSpan.FromMinutes(5 * random.Next(0, 4)), TimeSpan.FromMinutes(5 * random.Next(0, 4)));
        return new SlotCandidate(Counsellor(id), IntervalSet.Normalize(available), IntervalSet.Normalize(busy), buffers);
    }
}
