using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Routing;

namespace OneStop.Referrals.Tests.Routing;

public sealed class RoutingRulesTests
{
    [Fact]
    public void Every_rule_has_a_unique_id_a_source_and_an_explanation()
    {
        Assert.Equal(RoutingRules.All.Count, RoutingRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RoutingRules.All, r =>
        {
            Assert.Matches("^[a-z0-9-]+$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation), r.Id);
            Assert.NotEqual(AgencyType.Unspecified, r.Receiver);
        });
    }

    [Theory]
    [InlineData("jobcenter-sgb2", "KGSt B 15/2017, 2.4.2")]
    [InlineData("agentur-gestattung", "KGSt B 15/2017, 2.4.2")]
    [InlineData("jmd-age-12-to-26", "external")]
    [InlineData("mbe-from-27", "external")]
    [InlineData("mbe-under-27-with-reason", "external")]
    [InlineData("iq-foreign-qualification", "Kernvorhaben 5")]
    [InlineData("kita-child-under-6", "Kernvorhaben 5")]
    public void The_issue_rules_cite_their_sources(string id, string source) =>
        Assert.Contains(source, RoutingRules.All.Single(r => r.Id == id).Source, StringComparison.Ordinal);

    [Fact]
    public void The_docs_list_every_rule_with_its_source()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "referrals.md"));
        Assert.All(RoutingRules.All, r =>
        {
            Assert.Contains($"`{r.Id}`", docs, StringComparison.Ordinal);
            Assert.Contains(r.Source, docs, StringComparison.Ordinal);
        });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 10 && directory is not null; i++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneStop.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }
}
