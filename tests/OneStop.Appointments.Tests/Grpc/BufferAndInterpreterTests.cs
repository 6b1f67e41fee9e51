using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>Buffers and interpreter languages through the service and its database, not only in the domain.</summary>
public sealed class BufferAndInterpreterTests
{
    [Fact]
    public async Task A_buffer_after_an_appointment_blocks_the_next_booking_until_it_is_over()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        const string counsellor = "res-aa-buffer";
        const string type = "type-aa-buffer";
        await admin.UpsertResourceAsync(new UpsertResourceRequest { Resource = Counsellor(counsellor, Aa, Topic.Arbeit, autoAccept: false) });
        var schedule = WorkingWeek(counsellor);
        schedule.BufferAfter = Duration.FromTimeSpan(TimeSpan.FromMinutes(15)); // time to write up notes
        await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = schedule });
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = Type(type, new ParticipantRequirement { ResourceId = counsellor }) });
        var client = host.ClientFor(Frontdesk);

        await client.BookAppointmentAsync(Booking(type, Tuesday10, "client-buffer-1", counsellor));

        // 11:00 starts inside the 15-minute buffer: the allocation rows collide.
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.BookAppointmentAsync(Booking(type, Tuesday10.AddHours(1), "client-buffer-2", counsellor)).ResponseAsync);
        var after = await client.BookAppointmentAsync(Booking(type, Tuesday10.AddMinutes(75), "client-buffer-2", counsellor));
        Assert.Equal(Tuesday10.AddMinutes(75), after.Start.ToDateTimeOffset());
    }

    [Fact]
    public async Task FindJointSlots_picks_an_interpreter_who_speaks_the_language_of_the_type()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        var admin = host.ClientFor(Admin);
        await LoadAsync(admin);
        const string farsi = "res-int-fa";
        const string arabic = "res-int-ar";
        foreach (var (id, language) in new[] { (farsi, "fa"), (arabic, "ar") })
        {
            await admin.UpsertResourceAsync(new UpsertResourceRequest
            {
                Resource = new Resource { Id = id, Kind = ResourceKind.Interpreter, DisplayName = $"Dolmetschen {language}", OrganizationId = "org-ip", LocationId = "loc-ip", Languages = { language } },
            });
            await admin.UpsertScheduleAsync(new UpsertScheduleRequest { Schedule = WorkingWeek(id) });
        }
        var withArabic = Type("type-aa-arabic", new ParticipantRequirement { ResourceId = AaCounsellor });
        withArabic.InterpreterLanguage = "ar";
        await admin.UpsertAppointmentTypeAsync(new UpsertAppointmentTypeRequest { AppointmentType = withArabic });

        var found = await host.ClientFor(Frontdesk).FindJointSlotsAsync(new FindJointSlotsRequest
        {
            AppointmentTypeId = withArabic.Id,
            RangeStart = Timestamp.FromDateTimeOffset(Tuesday10),
            RangeEnd = Timestamp.FromDateTimeOffset(Tuesday10.AddDays(1)),
            MaxResults = 5,
        });

        Assert.NotEmpty(found.Slots);
        Assert.All(found.Slots, slot =>
        {
            var interpreter = Assert.Single(slot.Resources, r => r.Kind == ResourceKind.Interpreter);
            Assert.Equal(arabic, interpreter.ResourceId);
        });
    }
}
