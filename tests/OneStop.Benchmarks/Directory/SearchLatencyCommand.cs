using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.V1;

namespace OneStop.Benchmarks.Directory;

/// <summary>
/// `search-latency [rounds]`: percentiles of ServiceSearchIndex.Search over the 5,000 services of
/// <see cref="SearchServicesBenchmarks"/>, for a mix of typical queries run one after another in rotation.
/// Target (issue 3): p95 at most 10 ms. The index is the one the Directory service serves SearchServices from.
/// </summary>
internal static class SearchLatencyCommand
{
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 1_000;
        var build = Stopwatch.StartNew();
        var index = ServiceSearchIndex.Build(SearchServicesBenchmarks.GeneratedServices(), DemoCounty.Organizations, DemoCounty.Regions);
        build.Stop();
        var queries = Queries(index);
        var all = new LatencySamples("all queries (mix)", rounds * queries.Length);
        var each = queries.Select(q => new LatencySamples(q.Name, rounds)).ToArray();

        for (var i = 0; i < 200; i++)
        {
            foreach (var (_, request) in queries) index.Search(request, Now);
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var response = index.Search(queries[q].Request, Now);
                var elapsed = Stopwatch.GetTimestamp() - start;
                GC.KeepAlive(response);
                each[q].Add(elapsed);
                all.Add(elapsed);
            }
        }

        var allocatedPerSearch = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / all.Count;
        var gcs = $"gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}";
        Console.WriteLine($"SearchServices latency: {index.Count:N0} services (index built in {build.ElapsedMilliseconds} ms), " +
                          $"{rounds:N0} rounds of {queries.Length} queries, sequential; " +
                          $"{allocatedPerSearch:N0} bytes allocated per search on average; collections during the loop: {gcs}");
        Console.WriteLine(LatencySamples.Header);
        foreach (var samples in each) Console.WriteLine(samples.Row());
        Console.WriteLine(all.Row());
    }

    private static (string Name, SearchServicesRequest Request)[] Queries(ServiceSearchIndex index)
    {
        var first = index.Search(new SearchServicesRequest { Topics = { Topic.Sprache }, PageSize = 20 }, Now);
        return
        [
            ("first page, no filters", new SearchServicesRequest { PageSize = 20 }),
            ("topic Sprache, page 2 by token", new SearchServicesRequest { Topics = { Topic.Sprache }, PageSize = 20, PageToken = first.NextPageToken }),
            ("JMD, age 19, municipality", new SearchServicesRequest { AgencyTypes = { AgencyType.Jmd }, Age = 19, MunicipalityAgs = DemoRegions.Lemgo }),
            ("free text with umlauts", new SearchServicesRequest { Text = "Ausländerbehörde Aufenthalt" }),
            ("topics + language ar + open at, Arabic results", new SearchServicesRequest
            {
                Topics = { Topic.Arbeit, Topic.Anerkennung },
                Language = "ar",
                OpenAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 10, 27, 8, 30, 0, TimeSpan.Zero)),
                ResponseLanguage = "ar",
            }),
            ("municipality + topic, English, 100 per page", new SearchServicesRequest
            {
                MunicipalityAgs = DemoRegions.Lemgo, Topics = { Topic.Arbeit }, ResponseLanguage = "en", PageSize = 100,
            }),
            ("free text, one word", new SearchServicesRequest { Text = "Sprachkurs" }),
        ];
    }
}
