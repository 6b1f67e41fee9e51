using System.Text.Json.Nodes;
using OneStop.Deploy.Tests.Support;
using static OneStop.Deploy.Tests.Support.Manifests;

namespace OneStop.Deploy.Tests;

/// <summary>
/// The network policies, evaluated on the rendered pods: default deny, only the gateway reachable from outside the
/// namespace, each service reachable only from the gateway and the services that call it, and egress only to DNS,
/// the data stores, the issuer, the collector and the called services.
/// </summary>
public sealed class NetworkPolicyTests
{
    public static TheoryData<string> Overlays() => new(Repository.Overlays());

    /// <summary>Which services call which (besides the gateway, which calls all): docs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> Callers = new()
    {
        ["directory"] = ["appointments", "referrals"],
        ["appointments"] = ["referrals"],
        ["referrals"] = ["skills"],
    };

    /// <summary>Ports a OneStop pod may open connections to, besides the other OneStop processes' gRPC ports.</summary>
    private static readonly HashSet<long> OutsidePorts = [53, 5432, 6379, 6380, 443, 4317];

    private sealed record Pod(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<long> Ports);

    private static List<Pod> Pods(Manifests manifests) => manifests.PodTemplates()
        .Select(p => new Pod(Name(p.Owner), Labels(p.Template["metadata"]),
            Containers(p.Template).SelectMany(c => c["ports"]?.AsArray() ?? []).Select(port => (long)port!["containerPort"]!).ToList()))
        .ToList();

    private static IEnumerable<JsonObject> PoliciesFor(Manifests manifests, Pod pod, string type) => manifests.OfKind("NetworkPolicy")
        .Where(p => LabelSelector.Matches(p["spec"]!["podSelector"], pod.Labels)
            && (p["spec"]!["policyTypes"]?.AsArray().Any(t => (string?)t == type) ?? type == "Ingress"));

    private static IEnumerable<JsonObject> Rules(Manifests manifests, Pod pod, string type) =>
        PoliciesFor(manifests, pod, type).SelectMany(p => p["spec"]![type == "Ingress" ? "ingress" : "egress"]?.AsArray() ?? []).Select(r => r!.AsObject());

    private static JsonArray? Peers(JsonObject rule, string type) => rule[type == "Ingress" ? "from" : "to"]?.AsArray();

    /// <summary>A peer that selects pods of this namespace only (no namespaceSelector, no ipBlock).</summary>
    private static bool InNamespace(JsonNode peer) => peer["podSelector"] is not null && peer["namespaceSelector"] is null && peer["ipBlock"] is null;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Everything_is_denied_by_default(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var deny = manifests.OfKind("NetworkPolicy").Where(p =>
            p["spec"]!["podSelector"]!.AsObject().Count == 0
            && p["spec"]!["ingress"] is null && p["spec"]!["egress"] is null
            && p["spec"]!["policyTypes"]!.AsArray().Select(t => (string)t!).Order().SequenceEqual(["Egress", "Ingress"]));
        Assert.Single(deny);
        // Every pod is then isolated both ways, so only what a policy names is allowed.
        foreach (var pod in Pods(manifests))
        {
            Assert.NotEmpty(PoliciesFor(manifests, pod, "Ingress"));
            Assert.NotEmpty(PoliciesFor(manifests, pod, "Egress"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_gateway_is_reachable_from_outside_the_namespace_and_only_from_the_ingress_controller(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var pods = Pods(manifests);
        Assert.Contains(pods, p => p.Name == "gateway");
        foreach (var pod in pods)
        {
            foreach (var rule in Rules(manifests, pod, "Ingress"))
            {
                var peers = Peers(rule, "Ingress");
                Assert.True(peers is { Count: > 0 }, $"{overlay}: a rule lets anyone reach {pod.Name}");
                foreach (var peer in peers!)
                {
                    if (InNamespace(peer!)) continue;
                    Assert.True(pod.Name == "gateway", $"{overlay}: {pod.Name} is reachable from outside the namespace: {peer!.ToJsonString()}");
                    Assert.Null(peer!["ipBlock"]);
                    Assert.Equal("ingress-nginx", (string?)peer["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_service_accepts_calls_only_from_the_gateway_and_the_services_that_call_it(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var pods = Pods(manifests);
        var services = pods.Where(p => p.Labels.GetValueOrDefault("app.kubernetes.io/component") == "service").ToList();
        Assert.Contains(services, s => s.Name == "directory");
        foreach (var service in services)
        {
            var admitted = pods.Where(caller => caller != service && Rules(manifests, service, "Ingress")
                    .Any(rule => Peers(rule, "Ingress")!.Any(peer => InNamespace(peer!) && LabelSelector.Matches(peer!["podSelector"], caller.Labels))))
                .Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
            var expected = Callers.GetValueOrDefault(service.Name, []).Append("gateway").Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(admitted), $"{overlay}: {service.Name} admits [{string.Join(", ", admitted)}], expected [{string.Join(", ", expected)}]");

            // And each caller may open that connection: its egress allows the service's port.
            foreach (var caller in expected)
            {
                var pod = pods.Single(p => p.Name == caller);
                Assert.True(Rules(manifests, pod, "Egress").Any(rule =>
                        Peers(rule, "Egress")!.Any(peer => InNamespace(peer!) && LabelSelector.Matches(peer!["podSelector"], service.Labels))
                        && rule["ports"]!.AsArray().Any(port => service.Ports.Contains((long)port!["port"]!))),
                    $"{overlay}: {caller} may not open a connection to {service.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task OneStop_pods_open_connections_only_to_DNS_the_data_stores_the_issuer_the_collector_and_each_other(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        var pods = Pods(manifests);
        var processPorts = pods.Where(p => PolicyTests.IsProcess(p.Labels)).SelectMany(p => p.Ports).ToHashSet();
        foreach (var pod in pods.Where(p => p.Labels.GetValueOrDefault("app.kubernetes.io/component") is "service" or "gateway" or "migration"))
        {
            foreach (var rule in Rules(manifests, pod, "Egress"))
            {
                Assert.True(Peers(rule, "Egress") is { Count: > 0 }, $"{overlay}: {pod.Name} may connect anywhere");
                Assert.True(rule["ports"] is JsonArray { Count: > 0 }, $"{overlay}: {pod.Name} may connect on any port");
                foreach (var port in rule["ports"]!.AsArray().Select(p => (long)p!["port"]!))
                    Assert.True(OutsidePorts.Contains(port) || processPorts.Contains(port), $"{overlay}: {pod.Name} may connect to port {port}");
                foreach (var block in Peers(rule, "Egress")!.Select(p => p!["ipBlock"]).OfType<JsonNode>())
                    Assert.DoesNotContain((string)block["cidr"]!, new[] { "0.0.0.0/0", "::/0" });
            }
        }
    }
}
