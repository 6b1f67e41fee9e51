using BenchmarkDotNet.Attributes;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;

namespace OneStop.Benchmarks.Appointments;

/// <summary>
/// FindJointSlots on the scenario: 3 agency pools of 20 counsellors, 10 interpreters and 8 rooms over two
/// locations; 28 days on a 15-minute grid; every calendar 60 % booked (bookings of 30–90 minutes at random free
/// places, fixed seed; counsellors keep 10 minutes after each appointment). Random placement fragments the free
/// time, so only about 65 one-hour joint slots exist in the 28 days: asking for 100 scans the whole range, the worst
/// case. Target: p50 at most 20 ms in-process.
/// <list type="bullet">
/// <item><c>FinderOnly</c>: <see cref="JointSlotFinder.Find"/> on candidates whose availability and busy time are
/// already computed;</item>
/// <item><c>FromSchedules</c>: the whole domain path the RPC runs per request: every resource's availability from
/// its weekly schedule (holidays, DST), its busy intervals from the allocations, then the finder;</item>
/// <item><c>FromSchedulesWithClientBlocks</c>: the same with a client blocked every weekday morning (integration
/// course) and afternoon (Kita pick-up), so fewer, later slots qualify and more of the range is scanned.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn] // the target is a p50
[Config(typeof(QuickJobConfig))]
public class FindJointSlotsBenchmarks
{
    private const int Seed = 4711;
    private const int CounsellorsPerPool = 20;
    private const int Interpreters = 10;
    private const int Rooms = 8;
    private const double BookedShare = 0.6;
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RangeStart = new(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RangeEnd = RangeStart.AddDays(28); // across the 2026-10-25 fall-back
    private static readonly string[] Locations = ["loc-integration-point", "loc-outreach"];

    private readonly List<ResourceCalendar> _calendars = [];
    private JointSlotQuery _prepared = null!;

    /// <summary>Whether the finder is asked for the 20 best slots (the RPC default) or 100 (its maximum).</summary>
    [Params(20, 100)]
    public int MaxResults { get; set; }

    private sealed record ResourceCalendar(BookableResource Resource, string Requirement, LocalSchedule Schedule, List<ExistingAllocation> Allocations);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        string[] agencies = ["org-jobcenter", "org-auslaenderbehoerde", "org-mbe"];
        for (var p = 0; p < agencies.Length; p++)
        {
            for (var i = 0; i < CounsellorsPerPool; i++)
            {
                Add(random, new BookableResource($"{agencies[p]}-c{i:D2}", ResourceKind.Counsellor, agencies[p], Locations[i % 4 == 3 ? 1 : 0]), $"pools[{p}]");
            }
        }
        for (var i = 0; i < Interpreters; i++)
        {
            Add(random, new BookableResource($"interpreter-{i:D2}", ResourceKind.Interpreter, "org-dolmetscherpool", i % 2 == 0 ? string.Empty : Locations[0]), "interpreter_language");
        }
        for (var i = 0; i < Rooms; i++)
        {
            Add(random, new BookableResource($"room-{i:D2}", ResourceKind.Room, "org-kreis", Locations[i < 6 ? 0 : 1]), "room_needs");
        }
        _prepared = BuildQuery(blocked: []);

        // Guard the scenario, so the figures always measure what the issue describes.
        var available = _calendars.Sum(c => ResourceAvailability.Compute(c.Schedule, RangeStart, RangeEnd).Sum(i => i.Duration.TotalMinutes));
        var booked = _calendars.Sum(c => c.Allocations.Sum(a => a.Span.Duration.TotalMinutes));
        if (Math.Abs((booked / available) - BookedShare) > 0.01 || JointSlotFinder.Find(_prepared).Count == 0)
        {
            throw new InvalidOperationException($"scenario off: {booked / available:P1} booked, {JointSlotFinder.Find(_prepared).Count} slots");
        }
        Console.WriteLine($"// scenario: {_calendars.Count} resources, {booked / available:P1} booked, {JointSlotFinder.Find(_prepared).Count} slots (max {MaxResults}), first {JointSlotFinder.Find(_prepared)[0].Span}");
    }

    [Benchmark(Baseline = true)]
    public int FinderOnly() => JointSlotFinder.Find(_prepared).Count;

    [Benchmark]
    public int FromSchedules() => JointSlotFinder.Find(BuildQuery(blocked: [])).Count;

    [Benchmark]
    public int FromSchedulesWithClientBlocks() => JointSlotFinder.Find(BuildQuery(ClientBlockedWeekdays())).Count;

    private JointSlotQuery BuildQuery(IReadOnlyList<WeeklyLocalWindow> blocked)
    {
        var byRequirement = _calendars
            .GroupBy(c => c.Requirement)
            .ToDictionary(g => g.Key, g => new SlotRequirement(g.Key, [.. g.Select(c => SlotCandidate.From(c.Resource, c.Schedule, c.Allocations, RangeStart, RangeEnd, Now))]));
        return new JointSlotQuery
        {
            Participants = [byRequirement["pools[0]"], byRequirement["pools[1]"], byRequirement["pools[2]"]],
            Interpreter = byRequirement["interpreter_language"],
            Room = byRequirement["room_needs"],
            Duration = TimeSpan.FromMinutes(60),
            RangeStart = RangeStart,
            RangeEnd = RangeEnd,
            Now = Now,
            MinimumNotice = TimeSpan.FromHours(24),
            BookingHorizon = TimeSpan.FromDays(90),
            ClientBlocked = blocked,
            MaxResults = MaxResults,
        };
    }

    private static WeeklyLocalWindow[] ClientBlockedWeekdays() =>
    [
        .. Enumerable.Range(1, 5).SelectMany(d => new[]
        {
            new WeeklyLocalWindow((DayOfWeek)d, new LocalTimeWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(12.5))),
            new WeeklyLocalWindow((DayOfWeek)d, new LocalTimeWindow(TimeSpan.FromHours(15), TimeSpan.FromHours(24))),
        }),
    ];

    /// <summary>Mon–Fri 08:00–16:00 (NW holidays), then bookings at random free quarter hours until 60 % of each day is taken.</summary>
    private void Add(Random random, BookableResource resource, string requirement)
    {
        var window = new LocalTimeWindow(TimeSpan.FromHours(8), TimeSpan.FromHours(16));
        var schedule = new LocalSchedule(
            Enumerable.Range(1, 5).Select(d => new WeeklyLocalWindow((DayOfWeek)d, window)),
            holidayLand: "NW",
            buffers: resource.Kind == ResourceKind.Counsellor ? new ResourceBuffers(TimeSpan.Zero, TimeSpan.FromMinutes(10)) : ResourceBuffers.None);
        var allocations = new List<ExistingAllocation>();
        foreach (var day in ResourceAvailability.Compute(schedule, RangeStart, RangeEnd))
        {
            var quarters = (int)(day.Duration.TotalMinutes / 15);
            var taken = new bool[quarters];
            var target = (int)Math.Round(quarters * BookedShare);
            var booked = 0;
            for (var attempt = 0; booked < target && attempt < 1_000; attempt++)
            {
                var length = Math.Min(random.Next(2, 7), target - booked); // 30–90 minutes
                var start = random.Next(0, quarters - length + 1);
                if (taken.AsSpan(start, length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(start, length).Fill(true);
                booked += length;
                allocations.Add(new ExistingAllocation(resource.Id,
                    new UtcInterval(day.Start.AddMinutes(15 * start), day.Start.AddMinutes(15 * (start + length))), AllocationKind.Booking));
            }
        }
        _calendars.Add(new ResourceCalendar(resource, requirement, schedule, allocations));
    }
}
