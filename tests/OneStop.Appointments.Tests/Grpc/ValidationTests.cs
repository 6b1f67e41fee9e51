using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

public sealed class ValidationTests
{
    public static TheoryData<string, string> BadBookings => new()
    {
        { "end-before-start", "slot.end" },
        { "zero-duration", "slot.end" },
        { "beyond-horizon", "slot.start" },
        { "unknown-resource", "slot.resources[0].resource_id" },
        { "client-with-space", "client_id" },
        { "client-email", "client_id" },
        { "unknown-kind", "slot.resources[0].kind" },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task Bad_bookings_are_invalid_arguments_naming_the_field_and_write_nothing(string problem, string field)
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var before = await host.RowCountsAsync();
        var request = Booking(AaType, Tuesday10, "client-valid-1", AaCounsellor);
        switch (problem)
        {
            case "end-before-start": request.Slot.End = Timestamp.FromDateTimeOffset(Tuesday10.AddHours(-1)); break;
            case "zero-duration": request.Slot.End = request.Slot.Start; break;
            case "beyond-horizon": request.Slot = Slot(Tuesday10.AddDays(90), AaCounsellor); break;
            case "unknown-resource": request.Slot = Slot(Tuesday10, "res-nobody"); break;
            case "client-with-space": request.ClientId = "Max Mustermann"; break;
            case "client-email": request.ClientId = "max@example.org"; break;
            case "unknown-kind": request.Slot.Resources[0].Kind = (ResourceKind)42; break;
        }

        await RpcAssert.InvalidAsync(field, () => host.ClientFor(Frontdesk).BookAppointmentAsync(request).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
    }

    [Fact]
    public async Task Page_size_out_of_bounds_is_invalid()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await RpcAssert.InvalidAsync("page_size", () => host.ClientFor(Frontdesk).ListAppointmentsAsync(new ListAppointmentsRequest { PageSize = 1000 }).ResponseAsync);
    }

    [Fact]
    public async Task A_cancellation_needs_a_reason()
    {
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now));
        await LoadAsync(host.ClientFor(Admin));
        var client = host.ClientFor(Frontdesk);
        var booked = await client.BookAppointmentAsync(Booking(AaType, Tuesday10, "client-reason-1", AaCounsellor));
        var before = await host.RowCountsAsync();
        await RpcAssert.InvalidAsync("reason", () => client.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = booked.Id }).ResponseAsync);
        Assert.Equal(before, await host.RowCountsAsync());
    }
}
