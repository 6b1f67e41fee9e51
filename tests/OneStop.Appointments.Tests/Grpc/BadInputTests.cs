using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// The bad-input rule on the RPCs besides BookAppointment (see <see cref="ValidationTests"/>): INVALID_ARGUMENT
/// naming the field, and no row of any table written. Examples: end before start, a range beyond the horizon, an
/// unknown resource, a zero duration.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> BadSearches => new()
    {
        { "end-before-start", "range_end" },
        { "range-beyond-horizon", "range_start" },
        { "range-too-long", "range_end" },
        { "zero-duration", "duration" },
        { "unknown-type", "appointment_type_id" },
        { "bad-blocked-window", "client_blocked[0].end" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task Bad_searches_are_invalid_arguments_naming_the_field_and_write_nothing(string problem, string field)
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var before = await host.RowCountsAsync();
        var request = new FindJointSlotsRequest
        {
            AppointmentTypeId = AaType,
            RangeStart = Timestamp.FromDateTimeOffset(Now),
            RangeEnd = Timestamp.FromDateTimeOffset(Now.AddDays(7)),
        };
        switch (problem)
        {
            case "end-before-start": request.RangeEnd = Timestamp.FromDateTimeOffset(Now.AddHours(-1)); break;
            case "range-beyond-horizon": // the type's horizon is 60 days
                request.RangeStart = Timestamp.FromDateTimeOffset(Now.AddDays(61));
                request.RangeEnd = Timestamp.FromDateTimeOffset(Now.AddDays(62));
                break;
            case "range-too-long": request.RangeEnd = Timestamp.FromDateTimeOffset(Now.AddDays(200)); break;
            case "zero-duration":
                request.AppointmentTypeId = "";
                request.Pools.Add(new AgencyPool { OrganizationId = Aa });
                request.Duration = Duration.FromTimeSpan(TimeSpan.Zero);
                break;
            case "unknown-type": request.AppointmentTypeId = "type-nobody"; break;
            case "bad-blocked-window":
                request.ClientBlocked.Add(new BlockedWindow { Day = OneStop.Directory.V1.DayOfWeek.Tuesday, Start = "12:00", End = "11:00" });
                break;
        }

        await RpcAssert.InvalidAsync(field, () => host.ClientFor(Frontdesk).FindJointSlotsAsync(request).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
    }

    public static TheoryData<string, string> BadHolds => new()
    {
        { "end-before-start", "slot.end" },
        { "zero-duration", "slot.end" },
        { "beyond-horizon", "slot.start" },
        { "unknown-resource", "slot.resources[0].resource_id" },
        { "unknown-type", "appointment_type_id" },
        { "hold-too-long", "hold_for" },
        { "client-name", "client_id" },
    };

    [Theory]
    [MemberData(nameof(BadHolds))]
    public async Task Bad_holds_are_invalid_arguments_naming_the_field_and_write_nothing(string problem, string field)
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var before = await host.RowCountsAsync();
        var request = new HoldSlotRequest { AppointmentTypeId = AaType, ClientId = "client-hold-bad-1", Slot = Slot(Tuesday10, AaCounsellor) };
        switch (problem)
        {
            case "end-before-start": request.Slot.End = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(-1)); break;
            case "zero-duration": request.Slot.End = request.Slot.Start; break;
            case "beyond-horizon": request.Slot = Slot(Tuesday10.AddDays(90), AaCounsellor); break;
            case "unknown-resource": request.Slot = Slot(Tuesday10, "res-nobody"); break;
            case "unknown-type": request.AppointmentTypeId = "type-nobody"; break;
            case "hold-too-long": request.HoldFor = Duration.FromTimeSpan(TimeSpan.FromHours(2)); break;
            case "client-name": request.ClientId = "Erika Mustermann"; break;
        }

        await RpcAssert.InvalidAsync(field, () => host.ClientFor(Frontdesk).HoldSlotAsync(request).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
    }

    public static TheoryData<string, string> BadReschedules => new()
    {
        { "end-before-start", "new_slot.end" },
        { "zero-duration", "new_slot.end" },
        { "beyond-horizon", "new_slot.start" },
        { "unknown-resource", "new_slot.resources[0].resource_id" },
    };

    [Theory]
    [MemberData(nameof(BadReschedules))]
    public async Task Bad_reschedules_are_invalid_arguments_and_leave_the_appointment_as_it_was(string problem, string field)
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var booked = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-move-bad-1", AaCounsellor));
        var before = await host.RowCountsAsync();
        var request = new RescheduleAppointmentRequest { AppointmentId = booked.Id, NewSlot = Slot(Tuesday10.AddHours(2), AaCounsellor) };
        switch (problem)
        {
            case "end-before-start": request.NewSlot.End = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(1)); break;
            case "zero-duration": request.NewSlot.End = request.NewSlot.Start; break;
            case "beyond-horizon": request.NewSlot = Slot(Tuesday10.AddDays(90), AaCounsellor); break;
            case "unknown-resource": request.NewSlot = Slot(Tuesday10.AddHours(2), "res-nobody"); break;
        }

        await RpcAssert.InvalidAsync(field, () => client.RescheduleAppointmentAsync(request).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
        Assert.Equal(booked, await client.GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = booked.Id }));
    }

    [Fact]
    public async Task Catalog_writes_with_a_zero_duration_or_an_unknown_resource_are_invalid_and_write_nothing()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        var before = await host.RowCountsAsync();

        var zero = new AppointmentType
        {
            Id = "type-zero", Name = "Null Minuten", Duration = Duration.FromTimeSpan(TimeSpan.Zero),
            Participants = { new ParticipantRequirement { ResourceId = AaCounsellor } },
        };
        await RpcAssert.InvalidAsync("appointment_type.duration",
            () => admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = zero }).ResponseAsync);

        var schedule = new ResourceSchedule { ResourceId = "res-nobody" };
        schedule.Weekly.Add(new WeeklyWindow { Day = OneStop.Directory.V1.DayOfWeek.Monday, Start = "08:00", End = "12:00" });
        await RpcAssert.InvalidAsync("schedule.resource_id",
            () => admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule }).ResponseAsync);

        var backwards = new ResourceSchedule { ResourceId = AaCounsellor };
        backwards.Weekly.Add(new WeeklyWindow { Day = OneStop.Directory.V1.DayOfWeek.Monday, Start = "12:00", End = "08:00" });
        await RpcAssert.InvalidAsync("schedule.weekly[0]",
            () => admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = backwards }).ResponseAsync);

        Assert.Equal(before, await host.RowCountsAsync());
    }
}
