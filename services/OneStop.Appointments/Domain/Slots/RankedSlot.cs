using Google.Protobuf.WellKnownTypes;
using OneStop.Appointments.V1;

namespace OneStop.Appointments.Domain;

/// <summary>
/// A slot the finder offers: when, which concrete resources (in the order of the query's requirements:
/// participants, then interpreter, then room), where, and how good it is (<see cref="SlotRanking"/>).
/// Called RankedSlot rather than JointSlot so that it never clashes with the contract's message of that name.
/// </summary>
public sealed record RankedSlot(UtcInterval Span, IReadOnlyList<BookableResource> Resources, string LocationId, int DistinctLocations, int Load, double Score)
{
    /// <summary>The contract's JointSlot for this offer.</summary>
    public JointSlot ToContract()
    {
        var slot = new JointSlot
        {
            Start = Timestamp.FromDateTimeOffset(Span.Start),
            End = Timestamp.FromDateTimeOffset(Span.End),
            LocationId = LocationId,
            Score = Score,
        };
        foreach (var resource in Resources)
        {
            slot.Resources.Add(new SlotResource { ResourceId = resource.Id, Kind = resource.Kind, OrganizationId = resource.OrganizationId });
        }
        return slot;
    }
}
