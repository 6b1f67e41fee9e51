using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.ServiceDefaults.Time;
using DayOfWeek = OneStop.Directory.V1.DayOfWeek;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Step 1 of a front-desk booking: describe the need, see the joint free slots (FindJointSlots). The search is always
/// for the chosen appointment type, refined by the need: agencies and topics narrow the type's own agency pools, the
/// interpreter joins, room needs add to the type's, and the client's blocked times are kept. The service checks the
/// held slot with the same rule (docs/appointments.md, "The need"), so every slot offered here can be held; a
/// choice that cannot work for the type is refused before any slot is shown, naming the field to change.
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
    /// <summary>The first day to search (Berlin); empty: from now. Lets staff look ahead, e.g. past a change of summer time.</summary>
    [BindProperty] public DateOnly? From { get; set; }

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
        catch (RpcException e) when (NeedNotForType(e) is { } problem)
        {
            logger.LogInformation("Need does not fit appointment type {Type}: {Detail}", TypeId, e.Status.Detail);
            Problems.Add(problem);
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

    /// <summary>
    /// A part of the need the chosen type cannot take: INVALID_ARGUMENT with the need's field first
    /// ("pools[1].organization_id: …"). Says which row of the form to change, and to what.
    /// </summary>
    private string? NeedNotForType(RpcException e)
    {
        if (e.StatusCode != global::Grpc.Core.StatusCode.InvalidArgument) return null;
        var detail = e.Status.Detail;
        var type = Types.FirstOrDefault(t => t.Id == TypeId);
        var typeName = type is null ? TypeId : text.Or("type." + type.Id, type.Name);
        if (detail.StartsWith("interpreter_language:", StringComparison.Ordinal))
            return text["need.interpreterNotForType", typeName, text["lang." + (type?.InterpreterLanguage ?? "")]];
        var match = System.Text.RegularExpressions.Regex.Match(detail, @"^pools\[(\d+)\]\.(organization_id|topic):");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var index) || index >= SentPools.Count) return null;
        var row = SentPools[index] + 1;
        if (match.Groups[2].Value == "topic") return text["need.topicNotForType", row, typeName];
        var agencies = type?.Participants.Where(p => p.Pool is not null).Select(p => AgencyName(p.Pool.OrganizationId)) ?? [];
        return text["need.agencyNotForType", row, AgencyName(Agency[SentPools[index]]), typeName, text.List([.. agencies])];
    }

    private string AgencyName(string id) => Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    /// <summary>The form rows (0-based) whose agency went into the request's pools, in order: pools[i] is row SentPools[i].</summary>
    private List<int> SentPools { get; } = [];

    private FindJointSlotsRequest? BuildRequest()
    {
        if (!BookingReference.IsValidClientId(ClientId)) Problems.Add(text["need.badClient"]);
        var type = Types.FirstOrDefault(t => t.Id == TypeId);
        if (type is null) Problems.Add(text["need.badType"]);
        var now = clock.GetUtcNow();
        var start = From is { } day && BerlinTime.ToUtc(day.ToDateTime(TimeOnly.MinValue)) is var first && first > now ? first : now;
        var request = new FindJointSlotsRequest
        {
            RangeStart = Timestamp.FromDateTimeOffset(start),
            RangeEnd = Timestamp.FromDateTimeOffset(start.AddDays(42)),
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

        // One search for the type, refined by the need: HoldSlot checks the slot against the same (docs/appointments.md).
        request.AppointmentTypeId = type.Id;
        foreach (var i in Enumerable.Range(0, PoolRows).Where(i => !string.IsNullOrEmpty(Agency.ElementAtOrDefault(i)) && Agencies.Any(a => a.Id == Agency[i])))
        {
            SentPools.Add(i);
            request.Pools.Add(new AgencyPool { OrganizationId = Agency[i], Topic = System.Enum.IsDefined(typeof(Topic), Topic.ElementAtOrDefault(i)) ? (Topic)Topic[i] : default });
        }
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
