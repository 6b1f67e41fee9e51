using Grpc.Core;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Search;

public class PagingTests
{
    [Fact]
    public void Pages_of_three_cover_every_match_once_in_order()
    {
        var expected = DemoSearch.Ids(new SearchServicesRequest());
        var collected = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var response = DemoSearch.Index.Search(new SearchServicesRequest { PageSize = 3, PageToken = token }, DemoSearch.Now);
            Assert.True(response.Services.Count <= 3);
            Assert.Equal(expected.Length, response.TotalSize);
            collected.AddRange(response.Services.Select(s => s.Id));
            token = response.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);

        Assert.Equal(expected, collected);
        Assert.Equal(collected.Count, collected.Distinct().Count());
        Assert.Equal((expected.Length + 2) / 3, pages);
    }

    [Fact]
    public void Results_are_ordered_by_name_ignoring_case_then_id()
    {
        var names = DemoSearch.Index.Search(new SearchServicesRequest { PageSize = 100 }, DemoSearch.Now).Services.Select(s => s.Name).ToList();

        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public void Page_size_zero_means_twenty()
    {
        var response = DemoSearch.Index.Search(new SearchServicesRequest { IncludeInactive = true }, DemoSearch.Now);

        Assert.Equal(Math.Min(20, response.TotalSize), response.Services.Count);
    }

    [Fact]
    public void Token_reused_with_other_filters_is_rejected()
    {
        var first = DemoSearch.Index.Search(new SearchServicesRequest { PageSize = 2 }, DemoSearch.Now);

        var error = Assert.Throws<RpcException>(() => DemoSearch.Index.Search(
            new SearchServicesRequest { PageSize = 2, PageToken = first.NextPageToken, Language = "ar" }, DemoSearch.Now));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail);
    }

    [Theory]
    [InlineData("not-a-token!")]
    [InlineData("AAAA")]
    [InlineData("AQIDBAUGBwgJ")]
    public void Malformed_token_is_rejected(string token)
    {
        var error = Assert.Throws<RpcException>(() => DemoSearch.Index.Search(new SearchServicesRequest { PageToken = token }, DemoSearch.Now));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail);
    }

    [Fact]
    public void Changing_page_size_or_response_language_between_pages_is_allowed()
    {
        var first = DemoSearch.Index.Search(new SearchServicesRequest { PageSize = 2 }, DemoSearch.Now);

        var second = DemoSearch.Index.Search(new SearchServicesRequest { PageSize = 5, PageToken = first.NextPageToken, ResponseLanguage = "en" }, DemoSearch.Now);

        Assert.Equal(5, second.Services.Count);
        Assert.DoesNotContain(second.Services, s => first.Services.Any(f => f.Id == s.Id));
    }
}
