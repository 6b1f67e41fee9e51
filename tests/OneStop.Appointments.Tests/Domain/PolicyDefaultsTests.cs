using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Tests.Domain;

/// <summary>The domain's defaults must not drift from the configuration's: a policy built without options behaves like the service.</summary>
public sealed class PolicyDefaultsTests
{
    [Fact]
    public void Hold_defaults_equal_the_configuration_defaults()
    {
        var options = new AppointmentsOptions();
        Assert.Equal(new HoldOptions(), options.ToHoldOptions());
        Assert.Equal(TimeSpan.FromMinutes(5), new HoldOptions().DefaultHold);
        Assert.Equal(TimeSpan.FromMinutes(30), new HoldOptions().MaximumHold);
    }

    [Fact]
    public void Cancellation_defaults_equal_the_configuration_defaults()
    {
        var options = new AppointmentsOptions();
        Assert.Equal(new CancellationOptions(), options.ToCancellationOptions());
        Assert.Equal(5, new CancellationOptions().MaxOpenBookingsPerClient);
    }
}
