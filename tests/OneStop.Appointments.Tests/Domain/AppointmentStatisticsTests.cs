using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class AppointmentStatisticsTests
{
    private static readonly DateTimeOffset Asked = Utc(2026, 12, 1, 9);

    private static AppointmentFacts Facts(int offerMinutes, int bookingMinutes, AppointmentStatus status, params string[] agencies) =>
        new(Asked, Asked.AddMinutes(offerMinutes), Asked.AddMinutes(bookingMinutes), status, agencies);

    [Fact]
    public void Medians_from_request_to_first_offer_and_to_booking()
    {
        var summary = AppointmentStatistics.Compute(
        [
            Facts(1, 10, AppointmentStatus.Booked, "jc"),
            Facts(3, 20, AppointmentStatus.Booked, "jc"),
            Facts(2, 60, AppointmentStatus.Booked, "jc"),
            new AppointmentFacts(null, null, null, AppointmentStatus.Booked, ["jc"]), // no timestamps: not in the medians
        ]);

        Assert.Equal(TimeSpan.FromMinutes(2), summary.MedianRequestToFirstOffer);
        Assert.Equal(TimeSpan.FromMinutes(20), summary.MedianRequestToBooking);
        Assert.Equal(4, summary.Appointments);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), AppointmentStatistics.Median([TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5)]));
        Assert.Null(AppointmentStatistics.Median([]));
    }

    [Fact]
    public void No_show_rate_per_agency_counts_only_known_outcomes()
    {
        var summary = AppointmentStatistics.Compute(
        [
            Facts(1, 1, AppointmentStatus.Noshow, "jc", "abh"),
            Facts(1, 1, AppointmentStatus.Fulfilled, "jc"),
            Facts(1, 1, AppointmentStatus.Arrived, "jc"),
            Facts(1, 1, AppointmentStatus.Fulfilled, "abh"),
            Facts(1, 1, AppointmentStatus.Cancelled, "jc"),   // no outcome: not counted
            Facts(1, 1, AppointmentStatus.Booked, "abh"),     // not yet: not counted
        ]);

        Assert.Equal(
            [new AgencyNoShows("abh", 2, 1), new AgencyNoShows("jc", 3, 1)],
            summary.NoShowRates);
        Assert.Equal(0.5, summary.NoShowRates[0].Rate);
        Assert.Equal(1.0 / 3, summary.NoShowRates[1].Rate, 10);
    }
}
