using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Gateway.Forwarding.Edge;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.ServiceDefaults.Time;

namespace OneStop.Gateway.Web.Pages.Services;

/// <summary>
/// A visitor's appointment request for a service that takes them (configured: service → appointment type). Free
/// slots of that type are shown; booking one needs no personal data: the client id is a fresh booking reference the
/// visitor writes down. The gateway books as itself (a token with only the public-booking scope), with the reference as idempotency key, so
/// a double submit books once. See docs/web-front.md.
/// </summary>
[EnableRateLimiting(ClientRateLimits.PublicBooking)]
public sealed class AppointmentModel(ServiceClients clients, CallerTokens tokens, DirectoryClient directory, DirectoryLookups lookups,
    IOptions<WebFrontOptions> options, UiText text, TimeProvider clock, PublicOffers offers, ILogger<AppointmentModel> logger) : PageModel
{
    public string ServiceName { get; private set; } = "";
    public string ServiceId { get; private set; } = "";
    public bool Offered { get; private set; }
    public IReadOnlyList<SlotView> Slots { get; private set; } = [];

    /// <summary>The day shown (Berlin local), chosen with ?day=yyyy-MM-dd; by default the first day with free times.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    public DateOnly Today { get; private set; }
    public DateOnly LastDay { get; private set; }

    /// <summary>The service's published opening hours, which the offered slots keep within (empty: none published).</summary>
    public PublishedHours? Hours { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>The sealed offer of each slot shown, posted back by its form.</summary>
    public string OfferFor(SlotView slot) => offers.Seal(ServiceId, Reference, slot.Encoded);
    public Appointment? Booked { get; private set; }
    public string BookedWhere { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadServiceAsync(id, ct)) return NotFound();
        if (Offered && Error is null) await LoadSlotsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? offer, CancellationToken ct)
    {
        if (!await LoadServiceAsync(id, ct)) return NotFound();
        if (Error is not null) return Page();
        // Only a slot and reference this page offered (sealed, unexpired) can be booked anonymously.
        if (!Offered) return BadRequest();
        if (offers.Open(id, offer) is not (string reference, string encodedSlot) || SlotCodec.Decode(encodedSlot) is not { } chosen)
        {
            // Altered or expired: 400, with the page, a sentence and the current free times to choose again.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = text["public.offerInvalid"];
            await LoadSlotsAsync(id, ct);
            return Page();
        }
        try
        {
            var headers = tokens.ForPublicBooking();
            // The reference doubles as the idempotency key: submitting the same form twice returns the same booking.
            headers.Add("idempotency-key", reference);
            Booked = await clients.Appointments.BookAppointmentAsync(new BookAppointmentRequest
            {
                Slot = chosen,
                ClientId = reference,
                AppointmentTypeId = options.Value.PublicAppointmentTypes[id],
            }, headers, DateTime.UtcNow.AddSeconds(10), ct);
            Reference = reference;
            BookedWhere = await lookups.LocationNameAsync(Booked.LocationId, ct);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
            await LoadSlotsAsync(id, ct);
        }
        return Page();
    }

    private async Task<bool> LoadServiceAsync(string id, CancellationToken ct)
    {
        try
        {
            var service = await directory.GetServiceAsync(id, ct);
            if (service is null) return false;
            ServiceId = id;
            ServiceName = DirectoryTexts.For(service, Languages.Current).Name;
            Hours = new PublishedHours(service);
            Offered = options.Value.PublicAppointmentTypes.ContainsKey(id);
            return true;
        }
        catch (RpcException e)
        {
            // The directory is down: say so, and offer nothing rather than claim the service takes no requests.
            Error = FriendlyErrors.Describe(e, text, logger);
            return true;
        }
    }

    /// <summary>How far ahead a visitor can look, in days from today.</summary>
    public const int DaysAhead = 28;

    private async Task LoadSlotsAsync(string id, CancellationToken ct)
    {
        try
        {
            var now = clock.GetUtcNow();
            Today = BerlinTime.LocalDate(now);
            LastDay = Today.AddDays(DaysAhead - 1);
            if (Day is { } asked && (asked < Today || asked > LastDay)) Day = null;
            // A chosen day is searched alone; without one, the next four weeks, and the first day with a free time
            // (within the published hours) is shown.
            var from = Day is { } day ? BerlinTime.StartOfDay(day) : now;
            var to = Day is { } d ? BerlinTime.StartOfDay(d.AddDays(1)) : BerlinTime.StartOfDay(LastDay.AddDays(1));
            if (from < now) from = now;
            var found = await clients.Appointments.FindJointSlotsAsync(new FindJointSlotsRequest
            {
                AppointmentTypeId = options.Value.PublicAppointmentTypes[id],
                RangeStart = Timestamp.FromDateTimeOffset(from),
                RangeEnd = Timestamp.FromDateTimeOffset(to),
                MaxResults = 100,
            }, tokens.ForPublicBooking(), DateTime.UtcNow.AddSeconds(10), ct);
            var open = found.Slots.Where(s => Hours is null || Hours.Contains(s.Start.ToDateTimeOffset(), s.End.ToDateTimeOffset())).ToList();
            Day ??= open.Count > 0 ? BerlinTime.LocalDate(open[0].Start.ToDateTimeOffset()) : Today;
            var shown = open.Where(s => BerlinTime.LocalDate(s.Start.ToDateTimeOffset()) == Day).ToList();
            Slots = await SlotView.BuildAsync(shown, lookups, text, ct);
            Reference = BookingReference.NewPublic();
        }
        catch (RpcException e)
        {
            Error ??= FriendlyErrors.Describe(e, text, logger);
        }
    }

    /// <summary>A slot's Berlin local start and end ("2026-12-08T09:00"), as data attributes of its item.</summary>
    public static (string Start, string End) LocalTimes(SlotView slot) => SlotCodec.Decode(slot.Encoded) is { } s
        ? (Local(s.Start), Local(s.End))
        : ("", "");

    private static string Local(Timestamp t) => BerlinTime.ToLocal(t.ToDateTimeOffset()).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The link to another day's free times, or null outside the bookable range.</summary>
    public string? DayLink(DateOnly day) =>
        day < Today || day > LastDay ? null : $"/services/{Uri.EscapeDataString(ServiceId)}/appointment?day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
