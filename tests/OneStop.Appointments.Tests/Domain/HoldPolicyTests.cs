using OneStop.Appointments.Domain;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class HoldPolicyTests
{
    private readonly TestClock _clock = new(Utc(2026, 12, 1, 9));

    private HoldPolicy Policy(HoldOptions? options = null) => new(options ?? new HoldOptions(), _clock);

    [Fact]
    public void A_hold_lasts_five_minutes_by_default()
    {
        Assert.Equal(Utc(2026, 12, 1, 9, 5), Policy().ExpiresAt(null));
        Assert.Equal(Utc(2026, 12, 1, 9, 5), Policy().ExpiresAt(TimeSpan.Zero));
    }

    [Fact]
    public void The_default_and_the_maximum_are_configurable()
    {
        var policy = Policy(new HoldOptions { DefaultHold = TimeSpan.FromMinutes(2), MaximumHold = TimeSpan.FromMinutes(30) });

        Assert.Equal(Utc(2026, 12, 1, 9, 2), policy.ExpiresAt(null));
        Assert.Equal(Utc(2026, 12, 1, 9, 30), policy.ExpiresAt(TimeSpan.FromMinutes(30)));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(-1)]
    public void A_hold_time_above_the_maximum_or_negative_is_invalid(int minutes)
    {
        var error = Assert.Throws<DomainException>(() => Policy().HoldFor(TimeSpan.FromMinutes(minutes)));

        Assert.Equal(DomainErrorCode.InvalidArgument, error.Code);
        Assert.Equal("hold_for", error.Field);
    }

    [Fact]
    public void A_hold_blocks_while_it_lasts_and_not_after()
    {
        var expiresAt = Policy().ExpiresAt(null);
        var allocation = HoldPolicy.AsAllocation("jc-1", new UtcInterval(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 10)), expiresAt);

        Assert.True(Policy().IsLive(expiresAt));
        Assert.True(allocation.BlocksAt(_clock.Now));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(Policy().IsLive(expiresAt));
        Assert.False(allocation.BlocksAt(_clock.Now));
    }

    [Fact]
    public void Only_the_holder_may_consume_a_live_hold()
    {
        var expiresAt = Policy().ExpiresAt(null);

        Policy().EnsureConsumable("frontdesk-1", expiresAt, "frontdesk-1");
        Assert.Equal(DomainErrorCode.PermissionDenied,
            Assert.Throws<DomainException>(() => Policy().EnsureConsumable("frontdesk-1", expiresAt, "frontdesk-2")).Code);
    }

    [Fact]
    public void An_expired_hold_cannot_be_consumed()
    {
        var expiresAt = Policy().ExpiresAt(null);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var error = Assert.Throws<DomainException>(() => Policy().EnsureConsumable("frontdesk-1", expiresAt, "frontdesk-1"));

        Assert.Equal(DomainErrorCode.FailedPrecondition, error.Code);
        Assert.Equal("hold_id", error.Field);
    }
}
