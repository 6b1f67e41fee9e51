using System.Text.Json;
using OneStop.Gateway.Tests.Support;

namespace OneStop.Gateway.Tests;

/// <summary>
/// `./onestop call`, the README's way to call the suite from a fresh machine: the method is found by reflection
/// through the gateway, the JSON request becomes the request message, the development token is minted, and the
/// answer is printed as JSON.
/// </summary>
public sealed partial class EndToEndThroughGatewayTests
{
    [Fact]
    public async Task Onestop_call_searches_the_directory_through_the_gateway_and_prints_the_answer_as_JSON()
    {
        var (exit, output) = await CallAsync("onestop.directory.v1.DirectoryService/SearchServices",
            """{"language": "ar", "responseLanguage": "ar", "pageSize": 5}""", "--role", "frontdesk");

        Assert.True(exit == 0, output);
        using var answer = JsonDocument.Parse(output);
        var services = answer.RootElement.GetProperty("services").EnumerateArray().ToList();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Contains("ar", s.GetProperty("languages").EnumerateArray().Select(l => l.GetString())));
    }

    [Fact]
    public async Task Onestop_call_carries_timestamps_both_ways_and_enums_by_name()
    {
        var start = DateTime.UtcNow.Date.AddDays(3);
        var request = JsonSerializer.Serialize(new
        {
            appointmentTypeId = "type-joint-aufenthalt-arbeit",
            rangeStart = start.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            rangeEnd = start.AddDays(14).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            maxResults = 2,
        });

        var (exit, output) = await CallAsync("onestop.appointments.v1.AppointmentsService/FindJointSlots", request, "--role", "frontdesk", "--org", "org-ip-lippe");

        Assert.True(exit == 0, output);
        using var answer = JsonDocument.Parse(output);
        var slot = answer.RootElement.GetProperty("slots")[0];
        Assert.True(slot.GetProperty("start").GetDateTime() >= start, "a slot starts inside the range asked for");
        Assert.StartsWith("RESOURCE_KIND_", slot.GetProperty("resources")[0].GetProperty("kind").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Onestop_call_names_a_misspelled_field_and_a_missing_method_and_passes_on_the_gateways_refusal()
    {
        var misspelled = await CallAsync("onestop.directory.v1.DirectoryService/SearchServices", """{"langauge": "ar"}""", "--role", "frontdesk");
        var missing = await CallAsync("onestop.directory.v1.DirectoryService/SearchEverything", "{}", "--role", "frontdesk");
        var anonymous = await CallAsync("onestop.appointments.v1.AppointmentsService/FindJointSlots", "{}");

        Assert.Equal(2, misspelled.ExitCode);
        Assert.Contains("onestop.directory.v1.SearchServicesRequest has no field 'langauge'", misspelled.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("has no method 'SearchEverything'; it has", missing.Output, StringComparison.Ordinal);
        Assert.Equal(1, anonymous.ExitCode);
        Assert.Contains("Unauthenticated", anonymous.Output, StringComparison.Ordinal);
    }

    private Task<(int? ExitCode, string Output)> CallAsync(string method, string json, params string[] options) =>
        UpScript.RunAsync(new Dictionary<string, string>(), TimeSpan.FromMinutes(3), null,
            ["call", method, json, "--address", suite.Gateway.GrpcAddress.ToString().TrimEnd('/'), .. options]);
}
