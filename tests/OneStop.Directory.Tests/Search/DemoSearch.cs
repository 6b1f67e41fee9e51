using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

/// <summary>An index over the demo county and short ways to ask it, shared by the search tests.</summary>
internal static class DemoSearch
{
    public static readonly DateTimeOffset Now = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);

    public static ServiceSearchIndex Index { get; } =
        ServiceSearchIndex.Build(DemoCounty.Services, DemoCounty.Organizations, DemoCounty.Regions);

    /// <summary>All matching ids in result order (one large page).</summary>
    public static string[] Ids(SearchServicesRequest request)
    {
        request.PageSize = 100;
        return Index.Search(request, Now).Services.Select(s => s.Id).ToArray();
    }

    public static Timestamp Utc(int year, int month, int day, int hour, int minute) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));
}
