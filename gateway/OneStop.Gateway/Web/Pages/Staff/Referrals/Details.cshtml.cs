using System.Security.Claims;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web.Pages.Staff.Referrals;

/// <summary>
/// One referral with its history, and what the signed-in user's organization may do with it: the receiver accepts,
/// rejects with a reason, starts and completes with an outcome; the sender sends a draft or cancels; either side
/// books the warm hand-over of an accepted referral (FindHandoverSlots, BookWarmHandover). Every action sends the
/// version last shown, so a change made meanwhile by someone else is reported instead of overwritten.
/// </summary>
public sealed class DetailsModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, TimeProvider clock,
    ILogger<DetailsModel> logger) : PageModel
{
    /// <summary>Outcomes a receiver may complete with (NO_ANSWER is the service's own, on expiry).</summary>
    public static readonly ReferralOutcome[] Outcomes =
        [ReferralOutcome.ServiceProvided, ReferralOutcome.ClientDeclined, ReferralOutcome.ClientNotReached, ReferralOutcome.MovedAway, ReferralOutcome.NotEligible];

    [BindProperty(SupportsGet = true)] public bool Created { get; set; }
    [BindProperty(SupportsGet = true)] public bool Changed { get; set; }
    [BindProperty(SupportsGet = true)] public bool HandedOver { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string Reason { get; set => field = value ?? ""; } = "";
    [BindProperty] public int Outcome { get; set; }

    public Referral? Referral { get; private set; }
    public IReadOnlyList<ReferralEvent> History { get; private set; } = [];
    public IReadOnlyList<SlotView>? Slots { get; private set; }

    /// <summary>
    /// The region's appointment types, for the hand-over: the appointments service books only against a type, and the
    /// region keeps a joint "warme Übergabe" type per pair of organizations (the referrals service checks the fit).
    /// </summary>
    public IReadOnlyList<OneStop.Appointments.V1.AppointmentType> HandoverTypes { get; private set; } = [];
    [BindProperty] public string TypeId { get; set => field = value ?? ""; } = "";
    public string Service { get; private set; } = "";
    public string Sender { get; private set; } = "";
    public string Receiver { get; private set; } = "";
    public Dictionary<string, string> OrganizationNames { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }

    public bool IsReceiver => Referral is not null && Referral.ReceiverOrganizationId == Organization;
    public bool IsSender => Referral is not null && Referral.SenderOrganizationId == Organization;

    /// <summary>Either side books the warm hand-over of an accepted or started referral, once.</summary>
    public bool CanHandOver => (IsSender || IsReceiver) && Referral!.State is ReferralState.Accepted or ReferralState.InProgress && Referral.AppointmentId.Length == 0;

    private string Organization => CallerIdentity.From(User)?.OrganizationId is { Length: > 0 } org ? org : User.FindFirstValue(OneStopClaimTypes.Organization) ?? "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The transitions without extra data; which one is the button's value.</summary>
    public Task<IActionResult> OnPostTransitionAsync(string id, string? action, CancellationToken ct) => action switch
    {
        "submit" => ChangeAsync(id, (h, c) => clients.Referrals.SubmitReferralAsync(Transition(id), h, Deadline(), c).ResponseAsync, ct),
        "receive" => ChangeAsync(id, (h, c) => clients.Referrals.ReceiveReferralAsync(Transition(id), h, Deadline(), c).ResponseAsync, ct),
        "accept" => ChangeAsync(id, (h, c) => clients.Referrals.AcceptReferralAsync(Transition(id), h, Deadline(), c).ResponseAsync, ct),
        "start" => ChangeAsync(id, (h, c) => clients.Referrals.StartReferralAsync(Transition(id), h, Deadline(), c).ResponseAsync, ct),
        _ => Task.FromResult<IActionResult>(BadRequest()),
    };

    public async Task<IActionResult> OnPostRejectAsync(string id, CancellationToken ct)
    {
        if (!GoodReason(required: true)) return await ShowAsync(id, text["referral.badRejectReason"], ct);
        return await ChangeAsync(id, (h, c) => clients.Referrals.RejectReferralAsync(
            new RejectReferralRequest { ReferralId = id, ExpectedVersion = Version, Reason = Reason.Trim() }, h, Deadline(), c).ResponseAsync, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct)
    {
        if (!GoodReason(required: false)) return await ShowAsync(id, text["appt.badReason"], ct);
        return await ChangeAsync(id, (h, c) => clients.Referrals.CancelReferralAsync(
            new CancelReferralRequest { ReferralId = id, ExpectedVersion = Version, Reason = Reason.Trim() }, h, Deadline(), c).ResponseAsync, ct);
    }

    public async Task<IActionResult> OnPostCompleteAsync(string id, CancellationToken ct)
    {
        if (!Outcomes.Contains((ReferralOutcome)Outcome)) return await ShowAsync(id, text["referral.badOutcome"], ct);
        return await ChangeAsync(id, (h, c) => clients.Referrals.CompleteReferralAsync(
            new CompleteReferralRequest { ReferralId = id, ExpectedVersion = Version, Outcome = (ReferralOutcome)Outcome }, h, Deadline(), c).ResponseAsync, ct);
    }

    /// <summary>Joint free times of both organizations (and an interpreter when the referral needs one) in the next six weeks.</summary>
    public async Task<IActionResult> OnPostFindSlotsAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Referral is null) return Page();
        try
        {
            var now = clock.GetUtcNow();
            if (!HandoverTypes.Any(t => t.Id == TypeId))
            {
                Error = text["need.badType"];
                return Page();
            }
            var found = await clients.Referrals.FindHandoverSlotsAsync(new FindHandoverSlotsRequest
            {
                ReferralId = id,
                AppointmentTypeId = TypeId,
                RangeStart = Timestamp.FromDateTimeOffset(now),
                RangeEnd = Timestamp.FromDateTimeOffset(now.AddDays(42)),
                MaxResults = 10,
            }, await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(15), ct);
            Slots = await SlotView.BuildAsync(found.Slots, lookups, text, ct);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(string id, string? slot, CancellationToken ct)
    {
        if (SlotCodec.Decode(slot) is not { } chosen || TypeId.Length is 0 or > 200) return BadRequest();
        try
        {
            await clients.Referrals.BookWarmHandoverAsync(new BookWarmHandoverRequest { ReferralId = id, ExpectedVersion = Version, Slot = chosen, AppointmentTypeId = TypeId },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(20), ct);
            return LocalRedirect($"/staff/referrals/{Uri.EscapeDataString(id)}?handedOver=true");
        }
        catch (RpcException e)
        {
            return await ShowAsync(id, FriendlyErrors.Describe(e, text, logger), ct);
        }
    }

    private async Task<IActionResult> ChangeAsync(string id, Func<Metadata, CancellationToken, Task<Referral>> call, CancellationToken ct)
    {
        if (Version <= 0) return BadRequest();
        try
        {
            await call(await tokens.ForStaffAsync(HttpContext), ct);
            return LocalRedirect($"/staff/referrals/{Uri.EscapeDataString(id)}?changed=true");
        }
        catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.Aborted)
        {
            logger.LogInformation("Stale referral {Id}: {Detail}", id, e.Status.Detail);
            return await ShowAsync(id, text["referral.stale"], ct);
        }
        catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition && e.Status.Detail.StartsWith("No consent", StringComparison.Ordinal))
        {
            return await ShowAsync(id, text["referral.noConsent"], ct);
        }
        catch (RpcException e)
        {
            return await ShowAsync(id, FriendlyErrors.Describe(e, text, logger), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(string id, string error, CancellationToken ct)
    {
        Error = error;
        await LoadAsync(id, ct);
        return Page();
    }

    private bool GoodReason(bool required) => Reason.Length <= 500 && (!required || !string.IsNullOrWhiteSpace(Reason));

    private TransitionRequest Transition(string id) => new() { ReferralId = id, ExpectedVersion = Version };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    /// <summary>
    /// GetReferral shows the content to the receiver only under a consent (the read is audited); without one it is
    /// PERMISSION_DENIED, and the page shows what the inbox row says instead: the referral, its state and history,
    /// but not the client's data.
    /// </summary>
    private async Task LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            var headers = await tokens.ForStaffAsync(HttpContext);
            try
            {
                Referral = await clients.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = id }, headers, Deadline(), ct);
            }
            catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.PermissionDenied)
            {
                Referral = await FindInInboxAsync(id, headers, ct);
                if (Referral is null) throw;
            }
            History = (await clients.Referrals.GetReferralHistoryAsync(new GetReferralRequest { ReferralId = id }, headers, Deadline(), ct)).Events;
            Service = await lookups.ServiceNameAsync(Referral.ReceiverServiceId, ct);
            Sender = await lookups.OrganizationNameAsync(Referral.SenderOrganizationId, ct);
            Receiver = await lookups.OrganizationNameAsync(Referral.ReceiverOrganizationId, ct);
            foreach (var org in History.Select(e => e.ActorOrganizationId).Where(o => o.Length > 0).Distinct())
                OrganizationNames[org] = await lookups.OrganizationNameAsync(org, ct);
            if (CanHandOver)
            {
                HandoverTypes = (await clients.Appointments.ListAppointmentTypesAsync(new OneStop.Appointments.V1.ListAppointmentTypesRequest { PageSize = 200 },
                    headers, Deadline(), ct)).AppointmentTypes;
            }
        }
        catch (RpcException e)
        {
            Error ??= FriendlyErrors.Describe(e, text, logger);
        }
    }

    /// <summary>The contract has no content-free single read, so the withheld view comes from the inbox (bounded: 5 pages of 200).</summary>
    private async Task<Referral?> FindInInboxAsync(string id, Metadata headers, CancellationToken ct)
    {
        var request = new ListReferralsRequest { Box = Box.Inbox, PageSize = 200 };
        for (var page = 0; page < 5; page++)
        {
            var rows = await clients.Referrals.ListReferralsAsync(request, headers, Deadline(), ct);
            if (rows.Referrals.FirstOrDefault(r => r.Id == id) is { } found) return found;
            if (rows.NextPageToken.Length == 0) break;
            request.PageToken = rows.NextPageToken;
        }
        return null;
    }
}
