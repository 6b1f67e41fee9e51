using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Data;

/// <summary>Settings of the appointments service, bound from "OneStop:Appointments".</summary>
public sealed class AppointmentsOptions
{
    public const string SectionName = "OneStop:Appointments";

    /// <summary>
    /// Check directory data through OneStop.Directory.Client: organization and location ids when resources and types
    /// are written (and by the demo seed), resource languages against their directory service's languages, and the
    /// interpreter language of FindJointSlots, HoldSlot, BookAppointment and RescheduleAppointment against the
    /// languages of the region's interpreting services. Off in tests that run without a directory.
    /// </summary>
    public bool ValidateDirectoryIds { get; set; } = true;

    /// <summary>
    /// Read names and addresses for calendar files (GetIcs) from the directory: agencies, the location's address,
    /// the organizer's name and e-mail. Separate from <see cref="ValidateDirectoryIds"/>, since words are read at
    /// run time while checks also run at seed time. Off: ids stand in, and without an organizer the file is PUBLISH.
    /// </summary>
    public bool CalendarTextFromDirectory { get; set; } = true;

    /// <summary>How long a hold lasts when the request does not say.</summary>
    public TimeSpan DefaultHold { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Open (proposed, pending, booked, not yet over) appointments one client may have per region.</summary>
    public int MaxOpenBookingsPerClient { get; set; } = 5;

    /// <summary>
    /// How long a cancelled slot stays blocked before others may book it, against appointment trading (someone
    /// cancelling to hand the slot to a paying third party at once). Zero frees it at once.
    /// </summary>
    public TimeSpan CancellationReleaseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Directory organization ids of agencies whose participants accept joint bookings automatically, whatever their
    /// resources' own <c>auto_accept</c> flag says (configuration: OneStop:Appointments:AutoAcceptOrganizations:0, …).
    /// </summary>
    public IList<string> AutoAcceptOrganizations { get; } = new List<string>();

    /// <summary>
    /// How long an open request (a client's first offer for a type, not booked) is kept for statistics. Older ones
    /// count as abandoned: they are purged, and a new search for the same need opens a new request.
    /// </summary>
    public TimeSpan OfferRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often abandoned offer records are purged.</summary>
    public TimeSpan OfferPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the change log is read for live WatchAppointments streams, so that changes committed by another
    /// instance on the same database reach this instance's watchers within about this delay. Zero turns it off
    /// (watchers then see only this instance's changes live, and the others' when they resume).
    /// </summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>These settings as the rules of <see cref="HoldPolicy"/>: configuration stays here, the rules stay in Domain.</summary>
    public HoldOptions ToHoldOptions() => new() { DefaultHold = DefaultHold, MaximumHold = MaxHold };

    /// <summary>These settings as the rules of <see cref="CancellationPolicy"/>.</summary>
    public CancellationOptions ToCancellationOptions() =>
        new() { ReleaseDelay = CancellationReleaseDelay, MaxOpenBookingsPerClient = MaxOpenBookingsPerClient };

    /// <summary>These settings as the <see cref="AutoAcceptRule"/> applied when an appointment is booked or moved.</summary>
    public AutoAcceptRule ToAutoAcceptRule() => new(AutoAcceptOrganizations);
}
