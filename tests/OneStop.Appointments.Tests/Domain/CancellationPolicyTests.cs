using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class CancellationPolicyTests
{
    [Fact]
    public void The_slot_is_released_after_the_configured_delay()
    {
        var policy = new CancellationPolicy(new CancellationOptions { ReleaseDelay = TimeSpan.FromMinutes(30) });

        Assert.Equal(Utc(2026, 12, 1, 9, 30), policy.ReleaseAt(Utc(2026, 12, 1, 9)));
    }

    [Fact]
    public void Without_a_delay_the_slot_is_released_at_once()
    {
        Assert.Equal(Utc(2026, 12, 1, 9), new CancellationPolicy(new CancellationOptions()).ReleaseAt(Utc(2026, 12, 1, 9)));
    }

    [Fact]
    public void A_client_may_hold_at_most_the_configured_number_of_open_bookings()
    {
        var policy = new CancellationPolicy(new CancellationOptions { MaxOpenBookingsPerClient = 3 });

        policy.EnsureClientMayBook(2);
        var error = Assert.Throws<DomainException>(() => policy.EnsureClientMayBook(3));
        Assert.Equal(DomainErrorCode.FailedPrecondition, error.Code);
        Assert.Equal("client_id", error.Field);
    }

    [Theory]
    [InlineData(AppointmentStatus.Pending, 1, true)]
    [InlineData(AppointmentStatus.Booked, 1, true)]
    [InlineData(AppointmentStatus.Proposed, 1, true)]
    [InlineData(AppointmentStatus.Booked, -1, false)]   // already over
    [InlineData(AppointmentStatus.Cancelled, 1, false)]
    [InlineData(AppointmentStatus.Fulfilled, 1, false)]
    public void Open_bookings_are_unfinished_future_ones(AppointmentStatus status, int endInHours, bool open)
    {
        var now = Utc(2026, 12, 1, 9);

        Assert.Equal(open, CancellationPolicy.IsOpen(status, now + TimeSpan.FromHours(endInHours), now));
    }
}
