using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Grpc;

/// <summary>
/// Shape checks every request passes before anything is read or written: INVALID_ARGUMENT naming the field.
/// Checks that need stored data (does the resource exist, is the slot inside the horizon) are the commands'.
/// </summary>
public static partial class RequestValidator
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The longest range FindJointSlots searches in one call.</summary>
    public static readonly TimeSpan MaxSearchRange = TimeSpan.FromDays(92);

    // Pseudonymous ids only: letters, digits, '-' and '_' keep names (spaces) and e-mail addresses ('@') out.
    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex IdPattern();

    public static void ClientId(string value, string field)
    {
        if (!ClientIdPattern().IsMatch(value))
            throw DomainException.InvalidArgument(field, "must be a pseudonymous id of 8 to 64 letters, digits, '-' or '_' (no names, no e-mail addresses).");
    }

    public static void Id(string value, string field)
    {
        if (value.Length == 0) throw DomainException.InvalidArgument(field, "is required.");
        if (!IdPattern().IsMatch(value)) throw DomainException.InvalidArgument(field, "must be 1 to 64 letters, digits, '.', ':', '-' or '_'.");
    }

    public static void OptionalId(string value, string field)
    {
        if (value.Length > 0) Id(value, field);
    }

    public static DateTimeOffset Instant(Timestamp? value, string field)
    {
        if (value is null) throw DomainException.InvalidArgument(field, "is required.");
        if (value.Seconds < 0 || value.Nanos is < 0 or > 999_999_999) throw DomainException.InvalidArgument(field, "is not a valid timestamp.");
        return value.ToDateTimeOffset();
    }

    public static TimeSpan? OptionalDuration(Duration? value, string field)
    {
        if (value is null) return null;
        var span = value.ToTimeSpan();
        if (span <= TimeSpan.Zero) throw DomainException.InvalidArgument(field, "must be positive.");
        return span;
    }

    public static T Defined<T>(T value, string field, bool allowUnspecified = false) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value)) throw DomainException.InvalidArgument(field, $"unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}.");
        if (!allowUnspecified && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            throw DomainException.InvalidArgument(field, "must be specified.");
        return value;
    }

    /// <summary>A slot as sent by a client: a positive span and a distinct, non-empty resource list.</summary>
    public static UtcInterval Slot(JointSlot? slot, string field)
    {
        if (slot is null) throw DomainException.InvalidArgument(field, "is required.");
        var start = Instant(slot.Start, $"{field}.start");
        var end = Instant(slot.End, $"{field}.end");
        if (end <= start) throw DomainException.InvalidArgument($"{field}.end", "must be after start.");
        if (slot.Resources.Count == 0) throw DomainException.InvalidArgument($"{field}.resources", "must name at least one resource.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < slot.Resources.Count; i++)
        {
            Id(slot.Resources[i].ResourceId, $"{field}.resources[{i}].resource_id");
            Defined(slot.Resources[i].Kind, $"{field}.resources[{i}].kind", allowUnspecified: true);
            if (!seen.Add(slot.Resources[i].ResourceId))
                throw DomainException.InvalidArgument($"{field}.resources[{i}].resource_id", "names a resource twice.");
        }
        OptionalId(slot.LocationId, $"{field}.location_id");
        if (slot.OfferedAt is not null) Instant(slot.OfferedAt, $"{field}.offered_at");
        if (slot.RequestedAt is not null) Instant(slot.RequestedAt, $"{field}.requested_at");
        return new UtcInterval(start, end);
    }

    /// <summary>
    /// FindJointSlots' shape: a range of at most <see cref="MaxSearchRange"/>, max_results, and for an ad-hoc search
    /// (no appointment type) at least one pool with an organization id and a positive duration.
    /// </summary>
    public static SlotSearchLimits SearchLimits(FindJointSlotsRequest request)
    {
        var from = Instant(request.RangeStart, "range_start");
        var to = Instant(request.RangeEnd, "range_end");
        if (to <= from) throw DomainException.InvalidArgument("range_end", "must be after range_start.");
        if (to - from > MaxSearchRange) throw DomainException.InvalidArgument("range_end", $"the range may span at most {MaxSearchRange.TotalDays:0} days.");
        var maxResults = MaxResults(request.MaxResults, "max_results");
        if (request.RequestedAt is not null) Instant(request.RequestedAt, "requested_at");
        if (request.ClientId.Length > 0) ClientId(request.ClientId, "client_id");
        if (request.AppointmentTypeId.Length > 0)
        {
            Id(request.AppointmentTypeId, "appointment_type_id");
            return new SlotSearchLimits(from, to, maxResults, null);
        }
        if (request.Pools.Count == 0) throw DomainException.InvalidArgument("pools", "name an appointment_type_id or at least one pool.");
        var duration = OptionalDuration(request.Duration, "duration")
            ?? throw DomainException.InvalidArgument("duration", "is required for an ad-hoc search.");
        for (var i = 0; i < request.Pools.Count; i++) Id(request.Pools[i].OrganizationId, $"pools[{i}].organization_id");
        return new SlotSearchLimits(from, to, maxResults, duration);
    }

    public static int PageSize(int value, string field)
    {
        if (value < 0 || value > MaxPageSize) throw DomainException.InvalidArgument(field, $"must be between 0 and {MaxPageSize}.");
        return value == 0 ? DefaultPageSize : value;
    }

    public static int MaxResults(int value, string field)
    {
        if (value is < 0 or > 100) throw DomainException.InvalidArgument(field, "must be between 0 and 100.");
        return value == 0 ? 20 : value;
    }

    public static void Reason(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw DomainException.InvalidArgument(field, "is required.");
        if (value.Length > 500) throw DomainException.InvalidArgument(field, "must be at most 500 characters.");
    }

    public static void OnlineLink(string value, string field)
    {
        if (value.Length == 0) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw DomainException.InvalidArgument(field, "must be an absolute https URL.");
    }
}
