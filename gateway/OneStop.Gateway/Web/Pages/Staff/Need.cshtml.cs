using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Step 1 of a front-desk booking: describe the need, see the joint free slots (FindJointSlots). Agencies and topics
/// become agency pools of an ad-hoc search, with the interpreter language and room needs; left empty, the appointment
/// type's own requirements are searched. The chosen type is what the booking is made as, so the service checks
/// that the slot's participants fit it.
/// </summary>
public sealed class NeedModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups,
    UiText text, TimeProvider clock, ILogger<NeedModel> logger) : PageModel
{
    public const int PoolRows = 3;
    public const int BlockedRows = 3;
    public static readonly string[] InterpreterLanguages = ["ar", "uk", "ru", "tr", "fa"];

    [BindProperty] public string ClientId { get; set; } = "";
    [BindProperty] public string TypeId { get; set; } = "";
    [BindProperty] public string[] Agency { get; set; } = new string[PoolRows];
    [BindProperty] public int[] Topic { get; set; } = new int[PoolRows];
    [BindProperty] public string? Interpreter { get; set; }
    [BindProperty] public bool Wheelchair { get; set; }
    [BindProperty] public int Capacity { get; set; }
    [BindProperty] public int[] BlockedDay { get; set; } = new int[BlockedRows];
    [BindProperty] public string[] BlockedFrom { get; set; } = new string[BlockedRows];
    [BindProperty] public string[] BlockedTo { get; set; } = new string[BlockedRows];

    /// <summary>The region's appointment types, from the appointments service (ListAppointmentTypes).</summary>
    public IReadOnlyList<AppointmentType> Types { get; private set; } = [];
    public IReadOnlyList<DirectoryLookups.Choice> Agencies { get; private set; } = [];
    public IReadOnlyList<SlotView>? Slots { get; private set; }
    public List<string> Problems { get; } = [];

    /// <summary>
    /// The same need as a referral instead of (or besides) a joint appointment: the client, the chosen topics and the
    /// interpreter language go along in the link; nothing else is carried over.
    /// </summary>
    public string ReferralLink
    {
        get
        {
            var query = new List<string> { "clientId=" + Uri.EscapeDataString(ClientId) };
            query.AddRange(Topic.Where(t => t > 0).Distinct().Select(t => "topic=" + t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (Interpreter is { Length: > 0 } && InterpreterLanguages.Contains(Interpreter)) query.Add("interpreter=" + Interpreter);
            return "/staff/referrals/new?" + string.Join('&', query);
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ClientId = BookingReference.NewClientId();
        await LoadChoicesAsync(ct);
        TypeId = Types.FirstOrDefault()?.Id ?? "";
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var request = BuildRequest();
        if (request is null) return;
        try
        {
            var found = await clients.Appointments.FindJointSlotsAsync(request, await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            Slots = await SlotView.BuildAsync(found.Slots, lookups, text, ct);
        }
        catch (RpcException e) when (UnfillableNeed(e) is { } key)
        {
            Problems.Add(text[key]);
        }
        catch (RpcException e)
        {
            Problems.Add(FriendlyErrors.Describe(e, text, logger));
        }
    }

    /// <summary>
    /// A need no resource of the region can fill at all: the service answers FAILED_PRECONDITION with the field first
    /// in its message (docs/appointments.md), so the page can say which part of the need to change.
    /// </summary>
    private static string? UnfillableNeed(RpcException e)
    {
        if (e.StatusCode != global::Grpc.Core.StatusCode.FailedPrecondition) return null;
        var detail = e.Status.Detail;
        if (detail.StartsWith("room_needs:", StringComparison.Ordinal)) return "need.noRoom";
        if (detail.StartsWith("interpreter_language:", StringComparison.Ordinal)) return "need.noInterpreter";
        if (detail.StartsWith("pools[", StringComparison.Ordinal)) return "need.noCounsellor";
        return null;
    }

    private FindJointSlotsRequest? BuildRequest()
    {
        if (!BookingReference.IsValidClientId(ClientId)) Problems.Add(text["need.badClient"]);
        var type = Types.FirstOrDefault(t => t.Id == TypeId);
        if (type is null) Problems.Add(text["need.badType"]);
        var now = clock.GetUtcNow();
        var request = new FindJointSlotsRequest
        {
            RangeStart = Timestamp.FromDateTimeOffset(now),
            RangeEnd = Timestamp.FromDateTimeOffset(now.AddDays(42)),
            MaxResults = 10,
        };
        for (var i = 0; i < BlockedRows; i++)
        {
            if (BlockedDay.ElementAtOrDefault(i) is 0 && string.IsNullOrEmpty(BlockedFrom.ElementAtOrDefault(i)) && string.IsNullOrEmpty(BlockedTo.ElementAtOrDefault(i))) continue;
            if (BlockedDay.ElementAtOrDefault(i) is < 1 or > 7
                || !TimeOnly.TryParseExact(BlockedFrom.ElementAtOrDefault(i), "HH:mm", out var from)
                || !TimeOnly.TryParseExact(BlockedTo.ElementAtOrDefault(i), "HH:mm", out var to) || to <= from)
            {
                Problems.Add(text["need.badBlocked"]);
                break;
            }
            request.ClientBlocked.Add(new BlockedWindow { Day = (DayOfWeek)BlockedDay[i], Start = from.ToString("HH:mm"), End = to.ToString("HH:mm") });
        }
        if (Problems.Count > 0 || type is null) return null;

        var pools = Enumerable.Range(0, PoolRows)
            .Where(i => !string.IsNullOrEmpty(Agency.ElementAtOrDefault(i)) && Agencies.Any(a => a.Id == Agency[i]))
            .Select(i => new AgencyPool { OrganizationId = Agency[i], Topic = System.Enum.IsDefined(typeof(Topic), Topic.ElementAtOrDefault(i)) ? (Topic)Topic[i] : default })
            .ToList();
        if (pools.Count == 0)
        {
            request.AppointmentTypeId = type.Id;
            return request;
        }
        request.Pools.Add(pools);
        request.Duration = type.Duration;
        if (Interpreter is { Length: > 0 } && InterpreterLanguages.Contains(Interpreter)) request.InterpreterLanguage = Interpreter;
        if (Wheelchair || Capacity > 0)
            request.RoomNeeds = new RoomNeeds { WheelchairAccessible = Wheelchair, MinimumCapacity = Math.Clamp(Capacity, 0, 100) };
        return request;
    }

    /// <summary>All pages; a region has tens of types, so the bound only guards against a service that never ends.</summary>
    private async Task<IReadOnlyList<AppointmentType>> AppointmentTypesAsync(CancellationToken ct)
    {
        var types = new List<AppointmentType>();
        var request = new ListAppointmentTypesRequest { PageSize = 200 };
        for (var page = 0; page < 10; page++)
        {
            var response = await clients.Appointments.ListAppointmentTypesAsync(request, await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            types.AddRange(response.AppointmentTypes);
            if (response.NextPageToken.Length == 0) break;
            request.PageToken = response.NextPageToken;
        }
        return types;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        try
        {
            Agencies = await lookups.AgenciesAsync(ct);
            Types = await AppointmentTypesAsync(ct);
        }
        catch (RpcException e)
        {
            Problems.Add(FriendlyErrors.Describe(e, text, logger));
        }
    }
}
