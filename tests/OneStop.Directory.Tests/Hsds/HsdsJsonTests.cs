using System.Text.Json;
using Grpc.Core;
using OneStop.Directory.Data.Seed;
using OneStop.Directory.Domain.Hsds;
using OneStop.Directory.V1;

namespace OneStop.Directory.Tests.Hsds;

public class HsdsJsonTests
{
    private static string ExportDemo() =>
        HsdsJson.Export(DemoCounty.Organizations, DemoCounty.Services, DemoCounty.Locations, DemoCounty.ServicesAtLocation);

    [Fact]
    public void Export_then_import_gives_equal_records()
    {
        var imported = HsdsJson.Import(ExportDemo());

        Assert.Equal(DemoCounty.Organizations, imported.Organizations);
        Assert.Equal(DemoCounty.Services, imported.Services);
        Assert.Equal(DemoCounty.Locations, imported.Locations);
        Assert.Equal(DemoCounty.ServicesAtLocation, imported.ServicesAtLocation);
    }

    [Fact]
    public void Round_trip_keeps_timestamps_to_the_nanosecond_and_unusual_values()
    {
        var service = new Service
        {
            Id = "svc-edge",
            Status = ServiceStatus.TemporarilyClosed,
            LastModified = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1_790_000_000, Nanos = 123_456_789 },
            Eligibility = new Eligibility(),
            Contacts = { new Contact { Id = "c", Phones = { new Phone { Number = "1", Extension = "0815" } } } },
        };

        var imported = HsdsJson.Import(HsdsJson.Export([], [service], [], [])).Services.Single();

        Assert.Equal(service, imported);
    }

    [Fact]
    public void Export_uses_HSDS_field_names_and_the_extension_object()
    {
        using var document = JsonDocument.Parse(ExportDemo());
        var jmd = document.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "svc-jmd-detmold");

        Assert.Equal("active", jmd.GetProperty("status").GetString());
        Assert.Equal(12, jmd.GetProperty("minimum_age").GetInt32());
        Assert.Equal(27, jmd.GetProperty("maximum_age").GetInt32());
        Assert.Equal("exclusive", jmd.GetProperty("x_onestop").GetProperty("eligibility").GetProperty("maximum_age_bound").GetString());
        Assert.Equal("ar", jmd.GetProperty("languages")[2].GetProperty("code").GetString());
        Assert.Equal("WEEKLY", jmd.GetProperty("schedules")[0].GetProperty("freq").GetString());
        var location = document.RootElement.GetProperty("locations")[0];
        Assert.Equal("physical", location.GetProperty("location_type").GetString());
        Assert.Equal("Detmold", location.GetProperty("addresses")[0].GetProperty("city").GetString());
        Assert.True(document.RootElement.GetProperty("service_at_locations").GetArrayLength() > 0);
    }

    [Fact]
    public void Malformed_json_is_invalid_argument()
    {
        var error = Assert.Throws<RpcException>(() => HsdsJson.Import("{\"services\": [ {\"id\": \"x\" "));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("$", error.Status.Detail);
    }

    [Theory]
    [InlineData("{\"services\": [{\"id\": \"a\"}, {\"name\": \"no id\"}]}", "$.services[1].id")]
    [InlineData("{\"organizations\": [{\"id\": \"\"}]}", "$.organizations[0].id")]
    [InlineData("{\"locations\": [{\"id\": \"l\", \"latitude\": \"north\"}]}", "$.locations[0].latitude")]
    [InlineData("{\"services\": [{\"id\": \"s\", \"status\": \"paused\"}]}", "$.services[0].status")]
    [InlineData("{\"services\": [{\"id\": \"s\", \"x_onestop\": {\"topics\": [\"space\"]}}]}", "$.services[0].x_onestop.topics[0]")]
    [InlineData("{\"services\": {}}", "$.services")]
    [InlineData("[]", "$")]
    public void Bad_records_name_the_json_path(string json, string path)
    {
        var error = Assert.Throws<RpcException>(() => HsdsJson.Import(json));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(path + ":", error.Status.Detail);
    }

    [Fact]
    public void Plain_HSDS_schedules_without_the_extension_are_understood()
    {
        const string json = """
            {"services": [{"id": "s", "name": "Beratung", "status": "active",
              "schedules": [{"id": "sch", "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00", "closes_at": "12:00"}],
              "contacts": [{"id": "c", "department": "Beratung", "phones": [{"number": "+49 5231 1", "extension": 12}]}]}]}
            """;

        var service = HsdsJson.Import(json).Services.Single();

        Assert.Equal([V1.DayOfWeek.Monday, V1.DayOfWeek.Wednesday], service.Schedules[0].Weekly.Select(h => h.Day));
        Assert.All(service.Schedules[0].Weekly, h => Assert.Equal(("09:00", "12:00"), (h.OpensAt, h.ClosesAt)));
        Assert.Equal("Beratung", service.Contacts[0].Function);
        Assert.Equal("12", service.Contacts[0].Phones[0].Extension);
    }

    [Fact]
    public void Hidden_contact_names_are_not_exported()
    {
        var service = new Service { Id = "s", Contacts = { new Contact { Id = "c", Name = "Erika Mustermann", ShowName = false } } };

        Assert.DoesNotContain("Mustermann", HsdsJson.Export([], [service], [], []));
    }
}
