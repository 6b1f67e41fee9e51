using BenchmarkDotNet.Attributes;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Benchmarks.Directory;

/// <summary>
/// SearchServices over 5,000 services: the index is built once, as the Directory service does on a data change,
/// and each benchmark is one search as a front desk or agency system would send it. Target: well under 10 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickJobConfig))]
public class SearchServicesBenchmarks
{
    private const int ServiceCount = 5_000;
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);

    private ServiceSearchIndex _index = ServiceSearchIndex.Empty;
    private SearchServicesRequest _firstPage = new();
    private SearchServicesRequest _jmdForAgeInGemeinde = new();
    private SearchServicesRequest _textWithUmlauts = new();
    private SearchServicesRequest _openNowInArabic = new();
    private SearchServicesRequest _secondPage = new();

    [GlobalSetup]
    public void Setup()
    {
        _index = ServiceSearchIndex.Build(GeneratedServices(), DemoCounty.Organizations, DemoCounty.Regions);
        _firstPage = new SearchServicesRequest { PageSize = 20 };
        _jmdForAgeInGemeinde = new SearchServicesRequest { AgencyTypes = { AgencyType.Jmd }, Age = 19, MunicipalityAgs = DemoRegions.Lemgo };
        _textWithUmlauts = new SearchServicesRequest { Text = "Ausländerbehörde Aufenthalt" };
        _openNowInArabic = new SearchServicesRequest
        {
            Topics = { Topic.Arbeit, Topic.Anerkennung },
            Language = "ar",
            OpenAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 27, 8, 30, 0, TimeSpan.Zero)),
            ResponseLanguage = "ar",
        };
        var first = _index.Search(new SearchServicesRequest { Topics = { Topic.Sprache }, PageSize = 20 }, Now);
        _secondPage = new SearchServicesRequest { Topics = { Topic.Sprache }, PageSize = 20, PageToken = first.NextPageToken };
    }

    [Benchmark(Baseline = true)]
    public int FirstPageNoFilters() => _index.Search(_firstPage, Now).TotalSize;

    [Benchmark]
    public int JmdByAgeAndGemeinde() => _index.Search(_jmdForAgeInGemeinde, Now).TotalSize;

    [Benchmark]
    public int FreeTextWithUmlauts() => _index.Search(_textWithUmlauts, Now).TotalSize;

    [Benchmark]
    public int OpenNowTopicsLanguageArabicResults() => _index.Search(_openNowInArabic, Now).TotalSize;

    [Benchmark]
    public int SecondPageWithToken() => _index.Search(_secondPage, Now).TotalSize;

    /// <summary>5,000 services made by varying the demo county's: new ids, numbered names, rotated areas and topics.</summary>
    internal static List<Service> GeneratedServices()
    {
        var templates = DemoCounty.Services;
        var gemeinden = DemoCounty.Regions.Where(r => r.Level == RegionLevel.Gemeinde).Select(r => r.Ags).ToArray();
        var services = new List<Service>(ServiceCount);
        for (var i = 0; i < ServiceCount; i++)
        {
            var service = templates[i % templates.Count].Clone();
            service.Id = $"{service.Id}-{i:D5}";
            service.Name = $"{service.Name} {i % 97}";
            if (i % 3 == 0)
            {
                service.ServiceAreas.Clear();
                service.ServiceAreas.Add(new ServiceArea { Id = $"area-{i}", MunicipalityAgs = { gemeinden[i % gemeinden.Length] } });
            }
            if (i % 5 == 0)
            {
                service.Topics.Add((Topic)(1 + i % 10));
            }
            services.Add(service);
        }
        return services;
    }
}
