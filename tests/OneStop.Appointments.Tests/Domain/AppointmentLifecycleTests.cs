using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Tests.Domain.Instants;

namespace OneStop.Appointments.Tests.Domain;

public sealed class AppointmentLifecycleTests
{
    private static readonly ParticipantState[] Participants =
    [
        new("jc-1", Required: true, ParticipantStatus.NeedsAction),
        new("abh-1", Required: true, ParticipantStatus.Accepted),
        new("jmd-1", Required: false, ParticipantStatus.NeedsAction),
    ];

    [Fact]
    public void Auto_accepting_agencies_are_accepted_at_booking()
    {
        Assert.Equal(ParticipantStatus.Accepted, ParticipantResponses.AtBooking(autoAccept: true));
        Assert.Equal(ParticipantStatus.NeedsAction, ParticipantResponses.AtBooking(autoAccept: false));
    }

    [Fact]
    public void Pending_until_every_required_participant_accepted_then_booked()
    {
        Assert.Equal(AppointmentStatus.Pending, ParticipantResponses.Derive(Participants));

        var (participants, status) = ParticipantResponses.Respond(AppointmentStatus.Pending, Participants, "jc-1", ParticipantStatus.Accepted);

        Assert.Equal(AppointmentStatus.Booked, status); // the optional participant does not hold it up
        Assert.Equal(ParticipantStatus.Accepted, participants.Single(p => p.ResourceId == "jc-1").Status);
    }

    [Fact]
    public void Tentative_keeps_it_pending()
    {
        Assert.Equal(AppointmentStatus.Pending, ParticipantResponses.Respond(AppointmentStatus.Pending, Participants, "jc-1", ParticipantStatus.Tentative).Status);
    }

    [Fact]
    public void A_required_decline_makes_it_proposed_and_a_later_accept_books_it()
    {
        var (declined, status) = ParticipantResponses.Respond(AppointmentStatus.Booked, Participants, "abh-1", ParticipantStatus.Declined);
        Assert.Equal(AppointmentStatus.Proposed, status);

        var (_, accepted) = ParticipantResponses.Respond(status, declined, "abh-1", ParticipantStatus.Accepted);
        Assert.Equal(AppointmentStatus.Pending, accepted); // jc-1 has still not answered
    }

    [Fact]
    public void An_optional_decline_changes_nothing()
    {
        Assert.Equal(AppointmentStatus.Pending, ParticipantResponses.Respond(AppointmentStatus.Pending, Participants, "jmd-1", ParticipantStatus.Declined).Status);
    }

    [Fact]
    public void Bad_responses_are_refused()
    {
        Assert.Equal("response", Assert.Throws<DomainException>(() =>
            ParticipantResponses.Respond(AppointmentStatus.Pending, Participants, "jc-1", ParticipantStatus.NeedsAction)).Field);
        Assert.Equal(DomainErrorCode.FailedPrecondition, Assert.Throws<DomainException>(() =>
            ParticipantResponses.Respond(AppointmentStatus.Cancelled, Participants, "jc-1", ParticipantStatus.Accepted)).Code);
        Assert.Equal("resource_id", Assert.Throws<DomainException>(() =>
            ParticipantResponses.Respond(AppointmentStatus.Pending, Participants, "stranger", ParticipantStatus.Accepted)).Field);
    }

    [Fact]
    public void Check_in_then_complete()
    {
        var arrived = AppointmentLifecycle.CheckIn(AppointmentStatus.Booked);

        Assert.Equal(AppointmentStatus.Arrived, arrived);
        Assert.Equal(AppointmentStatus.Fulfilled, AppointmentLifecycle.Complete(arrived));
    }

    [Fact]
    public void A_no_show_only_after_the_start()
    {
        var start = Utc(2026, 12, 7, 9);

        Assert.Equal(AppointmentStatus.Noshow, AppointmentLifecycle.MarkNoShow(AppointmentStatus.Booked, start, start));
        Assert.Equal(DomainErrorCode.FailedPrecondition, Assert.Throws<DomainException>(() =>
            AppointmentLifecycle.MarkNoShow(AppointmentStatus.Booked, start, start - TimeSpan.FromMinutes(1))).Code);
    }

    [Theory]
    [InlineData(AppointmentStatus.Pending)]
    [InlineData(AppointmentStatus.Booked)]
    [InlineData(AppointmentStatus.Proposed)]
    public void Open_appointments_can_be_cancelled(AppointmentStatus status)
    {
        Assert.Equal(AppointmentStatus.Cancelled, AppointmentLifecycle.Cancel(status));
    }

    public static TheoryData<string, AppointmentStatus> RefusedTransitions => new()
    {
        { "checkin", AppointmentStatus.Pending },
        { "checkin", AppointmentStatus.Arrived },
        { "checkin", AppointmentStatus.Cancelled },
        { "complete", AppointmentStatus.Booked },
        { "complete", AppointmentStatus.Fulfilled },
        { "noshow", AppointmentStatus.Arrived },
        { "noshow", AppointmentStatus.Pending },
        { "cancel", AppointmentStatus.Arrived },
        { "cancel", AppointmentStatus.Fulfilled },
        { "cancel", AppointmentStatus.Cancelled },
        { "cancel", AppointmentStatus.Noshow },
    };

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Every_other_transition_is_a_failed_precondition(string action, AppointmentStatus from)
    {
        var past = Utc(2020, 1, 1);
        Action transition = action switch
        {
            "checkin" => () => AppointmentLifecycle.CheckIn(from),
            "complete" => () => AppointmentLifecycle.Complete(from),
            "noshow" => () => AppointmentLifecycle.MarkNoShow(from, past, past.AddHours(1)),
            _ => () => AppointmentLifecycle.Cancel(from),
        };

        Assert.Equal(DomainErrorCode.FailedPrecondition, Assert.Throws<DomainException>(transition).Code);
    }
}
