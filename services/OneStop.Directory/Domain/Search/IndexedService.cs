using System.Text;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// A service with everything the filters ask about computed once at index build time: folded search text,
/// bit masks, parsed age bounds, parsed schedules. The search loop then only compares.
/// </summary>
internal sealed class IndexedService
{
    public required Service Source { get; init; }
    public required bool IsActive { get; init; }
    public required ulong TopicMask { get; init; }
    public required ulong AgencyTypeMask { get; init; }
    public required ulong AttendingTypeMask { get; init; }
    public required string[] Languages { get; init; }
    public required HashSet<string> AreaCodes { get; init; }
    public required int? MinimumAge { get; init; }
    public required int? MaximumAge { get; init; }
    public required bool MaximumAgeExclusive { get; init; }
    public required CompiledSchedule[] Schedules { get; init; }
    /// <summary>Names and descriptions in every language, folded, separated by newlines.</summary>
    public required string SearchableText { get; init; }

    public string Name => Source.Name;
    public string Id => Source.Id;

    public static IndexedService Create(Service service, AgencyType agencyType)
    {
        var eligibility = service.Eligibility;
        return new IndexedService
        {
            Source = service,
            IsActive = service.Status == ServiceStatus.Active,
            TopicMask = EnumMask.Of(service.Topics),
            AgencyTypeMask = EnumMask.Bit((int)agencyType),
            AttendingTypeMask = EnumMask.Of(service.AttendingTypes),
            Languages = service.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray(),
            AreaCodes = service.ServiceAreas.SelectMany(a => a.MunicipalityAgs).Select(a => a.Trim())
                .Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal),
            MinimumAge = eligibility is { HasMinimumAge: true } ? eligibility.MinimumAge : null,
            MaximumAge = eligibility is { HasMaximumAge: true } ? eligibility.MaximumAge : null,
            MaximumAgeExclusive = eligibility?.MaximumAgeBound == AgeBound.Exclusive,
            Schedules = service.Schedules.Select(CompiledSchedule.Compile).ToArray(),
            SearchableText = BuildSearchableText(service),
        };
    }

    private static string BuildSearchableText(Service service)
    {
        var text = new StringBuilder();
        void Add(string value)
        {
            if (value.Length > 0)
            {
                SearchText.AppendFolded(text, value);
                text.Append('\n'); // a separator, so no query word matches across two fields
            }
        }
        Add(service.Name);
        Add(service.AlternateName);
        Add(service.Description);
        foreach (var translation in service.Translations)
        {
            Add(translation.Name);
            Add(translation.Description);
        }
        return text.ToString();
    }
}
