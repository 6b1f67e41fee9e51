using System.Text.Json.Nodes;
using OneStop.Deploy.Tests.Support;
using static OneStop.Deploy.Tests.Support.Manifests;

namespace OneStop.Deploy.Tests;

/// <summary>
/// The environment a container really gets (its env plus the ConfigMaps of its envFrom) carries the configuration
/// keys its service reads, written with '__' for ':'. A key the service does not read would be silently ignored, and
/// the service would fall back to its development default (127.0.0.1), so the names are checked, not just presence.
/// </summary>
public sealed class ServiceConfigurationTests
{
    public static TheoryData<string> Overlays() => new(Repository.Overlays());

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Referrals_and_its_migration_Job_get_their_database_and_the_service_its_appointments_address(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        foreach (var (kind, name) in new[] { ("Deployment", "referrals"), ("Job", "referrals-migrate") })
        {
            var environment = Environment(manifests, manifests.Single(kind, name));
            var at = $"{overlay}: {kind}/{name}";
            // Extensions.DatabaseName "referrals": ConnectionStrings:referrals on the Postgres provider.
            Assert.True(environment.TryGetValue("ConnectionStrings__referrals", out var connection), $"{at}: no ConnectionStrings__referrals");
            Assert.Equal("secret onestop-db/referrals", connection);
            Assert.Equal("Postgres", environment.GetValueOrDefault("OneStop__Database__Provider"));
        }
        var service = Environment(manifests, manifests.Single("Deployment", "referrals"));
        // Extensions.AppointmentsAddressKey, "OneStop:Referrals:AppointmentsAddress".
        Assert.Equal("http://appointments:5102", service.GetValueOrDefault("OneStop__Referrals__AppointmentsAddress"));
        Assert.Equal("http://directory:5101", service.GetValueOrDefault("OneStop__Directory__DirectoryAddress"));
        Assert.Equal("http://appointments:5102", ServiceUrl(manifests, "appointments"));
    }

    /// <summary>Name to value; a secret reference as "secret NAME/KEY".</summary>
    private static Dictionary<string, string> Environment(Manifests manifests, JsonObject owner)
    {
        var container = Containers(owner["spec"]!["template"]!.AsObject()).Single();
        var environment = new Dictionary<string, string>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            var configMap = manifests.Single("ConfigMap", (string)source!["configMapRef"]!["name"]!);
            foreach (var (key, value) in configMap["data"]!.AsObject()) environment[key] = (string)value!;
        }
        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            var secret = variable!["valueFrom"]?["secretKeyRef"];
            environment[(string)variable["name"]!] = secret is null ? (string?)variable["value"] ?? "" : $"secret {secret["name"]}/{secret["key"]}";
        }
        return environment;
    }

    /// <summary>The in-cluster address of a Service: http://NAME:PORT of its grpc port.</summary>
    private static string ServiceUrl(Manifests manifests, string name)
    {
        var port = manifests.Single("Service", name)["spec"]!["ports"]!.AsArray().Single(p => (string?)p!["name"] == "grpc")!["port"];
        return $"http://{name}:{port}";
    }
}
