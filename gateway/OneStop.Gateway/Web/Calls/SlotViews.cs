using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Calls;

/// <summary>A slot as a page shows it: when, where and with whom in words, plus the encoded slot its form posts back.</summary>
public sealed record SlotView(string Encoded, string When, string Where, string With)
{
    public static async Task<IReadOnlyList<SlotView>> BuildAsync(IEnumerable<JointSlot> slots, DirectoryLookups lookups, UiText text,
        CancellationToken ct)
    {
        var views = new List<SlotView>();
        foreach (var slot in slots)
        {
            var with = new List<string>();
            foreach (var r in slot.Resources)
                with.Add($"{text.Or("kind." + (int)r.Kind, r.Kind.ToString())} ({await lookups.OrganizationNameAsync(r.OrganizationId, ct)})");
            views.Add(new SlotView(SlotCodec.Encode(slot), $"{BerlinTimeText.DateAndTime(slot.Start)}–{BerlinTimeText.TimeOfDay(slot.End)}",
                await lookups.LocationNameAsync(slot.LocationId, ct), text.List(with)));
        }
        return views;
    }
}
