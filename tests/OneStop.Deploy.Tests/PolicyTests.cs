using System.Text.Json.Nodes;
using OneStop.Deploy.Tests.Support;
using static OneStop.Deploy.Tests.Support.Manifests;

namespace OneStop.Deploy.Tests;

/// <summary>
/// The deployment policy of docs/operations.md, read from each rendered overlay: native gRPC probes, resources,
/// the restricted Pod Security profile, a PDB and an HPA per process, and secrets by reference only.
/// </summary>
public sealed class PolicyTests
{
    public static TheoryData<string> Overlays() => new(Repository.Overlays());

    /// <summary>Pods of OneStop's own processes (not the dev overlay's PostgreSQL and Redis, nor the Jobs).</summary>
    private static IEnumerable<(JsonObject Owner, JsonObject Template)> ProcessPods(Manifests manifests) =>
        manifests.PodTemplates().Where(p => Kind(p.Owner) == "Deployment" && IsProcess(Labels(p.Template["metadata"])));

    internal static bool IsProcess(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault("app.kubernetes.io/component") is "service" or "gateway";

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_process_container_has_grpc_startup_readiness_and_liveness_probes_on_its_grpc_port(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        Assert.NotEmpty(ProcessPods(manifests));
        foreach (var (owner, template) in ProcessPods(manifests))
        {
            foreach (var container in Containers(template))
            {
                var at = $"{overlay}: {Describe(owner)} container {container["name"]}";
                var grpcPort = container["ports"]?.AsArray().SingleOrDefault(p => (string?)p!["name"] == "grpc")?["containerPort"];
                Assert.True(grpcPort is not null, $"{at} declares no port named grpc");
                foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
                {
                    var grpc = container[probe]?["grpc"];
                    Assert.True(grpc is not null, $"{at}: {probe} is not a grpc probe");
                    Assert.Equal((long)grpcPort!, (long)grpc!["port"]!);
                    // Liveness and startup ask only whether the process runs; readiness asks about everything.
                    var service = (string?)grpc["service"] ?? "";
                    Assert.True(probe == "readinessProbe" ? service == "" : service == "liveness", $"{at}: {probe} asks for health service '{service}'");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_pod_is_restricted_non_root_read_only_and_bounded(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        foreach (var (owner, template) in manifests.PodTemplates())
        {
            var pod = template["spec"]!;
            foreach (var container in Containers(template))
            {
                var at = $"{overlay}: {Describe(owner)} container {container["name"]}";
                var security = container["securityContext"];
                Assert.True((bool?)security?["runAsNonRoot"] ?? (bool?)pod["securityContext"]?["runAsNonRoot"] ?? false, $"{at}: runAsNonRoot is not set");
                Assert.NotEqual(0L, (long?)security?["runAsUser"] ?? (long?)pod["securityContext"]?["runAsUser"] ?? -1);
                Assert.True((bool?)security?["readOnlyRootFilesystem"] == true, $"{at}: the root filesystem is writable");
                Assert.True((bool?)security?["allowPrivilegeEscalation"] == false, $"{at}: privilege escalation is not ruled out");
                Assert.NotEqual(true, (bool?)security?["privileged"]);
                Assert.True(security?["capabilities"]?["drop"]?.AsArray().Any(c => (string?)c == "ALL") == true, $"{at}: capabilities are not all dropped");
                var seccomp = (string?)security?["seccompProfile"]?["type"] ?? (string?)pod["securityContext"]?["seccompProfile"]?["type"];
                Assert.True(seccomp is "RuntimeDefault" or "Localhost", $"{at}: seccomp profile is '{seccomp}'");
                foreach (var bound in new[] { "requests", "limits" })
                    foreach (var resource in new[] { "cpu", "memory" })
                        Assert.True(container["resources"]?[bound]?[resource] is not null, $"{at}: no {bound}.{resource}");
                Assert.DoesNotContain(pod["volumes"]?.AsArray() ?? [], v => v!["hostPath"] is not null);
            }
            if (Labels(template["metadata"]).GetValueOrDefault("app.kubernetes.io/part-of") == "onestop"
                && Labels(template["metadata"]).GetValueOrDefault("app.kubernetes.io/component") is "service" or "gateway" or "migration")
            {
                // .NET writes to /tmp (diagnostics, data protection): an emptyDir, since the root is read-only.
                var tmp = Containers(template).First()["volumeMounts"]?.AsArray().SingleOrDefault(m => (string?)m!["mountPath"] == "/tmp");
                Assert.True(tmp is not null, $"{overlay}: {Describe(owner)} mounts nothing at /tmp");
                var volume = pod["volumes"]!.AsArray().Single(v => (string?)v!["name"] == (string?)tmp!["name"]);
                Assert.True(volume!["emptyDir"] is not null, $"{overlay}: {Describe(owner)}'s /tmp is not an emptyDir");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_process_Deployment_has_one_PodDisruptionBudget_and_one_HorizontalPodAutoscaler(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        foreach (var (owner, template) in ProcessPods(manifests))
        {
            var labels = Labels(template["metadata"]);
            var budgets = manifests.OfKind("PodDisruptionBudget").Where(p => LabelSelector.Matches(p["spec"]!["selector"], labels)).ToList();
            Assert.True(budgets.Count == 1, $"{overlay}: {Describe(owner)} has {budgets.Count} PodDisruptionBudgets");
            var budget = budgets[0]["spec"]!;
            Assert.True(budget["minAvailable"] is null != (budget["maxUnavailable"] is null),
                $"{overlay}: {Describe(budgets[0])} must set exactly one of minAvailable and maxUnavailable");

            var autoscalers = manifests.OfKind("HorizontalPodAutoscaler")
                .Where(h => (string?)h["spec"]!["scaleTargetRef"]!["kind"] == "Deployment" && (string?)h["spec"]!["scaleTargetRef"]!["name"] == Name(owner)).ToList();
            Assert.True(autoscalers.Count == 1, $"{overlay}: {Describe(owner)} has {autoscalers.Count} HorizontalPodAutoscalers");
            var min = (long)autoscalers[0]["spec"]!["minReplicas"]!;
            var max = (long)autoscalers[0]["spec"]!["maxReplicas"]!;
            Assert.InRange(min, 1, max);
            // The HPA owns the replica count: a Deployment that sets one would reset it on every apply.
            Assert.Null(owner["spec"]!["replicas"]);
            if (overlay == "dev") Assert.Equal((1L, 1L), (min, max));
            if (overlay == "prod") Assert.True(min >= 3, $"prod: {Describe(owner)} may scale down to {min} replicas");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Secrets_come_only_by_reference(string overlay)
    {
        var manifests = await RenderAsync(overlay);
        Assert.Empty(manifests.OfKind("Secret"));
        foreach (var (owner, template) in manifests.PodTemplates())
        {
            foreach (var container in Containers(template))
            {
                foreach (var env in container["env"]?.AsArray() ?? [])
                {
                    var name = (string)env!["name"]!;
                    if (SecretScan.IsSecretName(name))
                        Assert.True(env["valueFrom"]?["secretKeyRef"] is not null, $"{overlay}: {Describe(owner)} sets {name} without a secretKeyRef");
                }
                Assert.DoesNotContain(container["envFrom"]?.AsArray() ?? [], e => e!["secretRef"] is null && e["configMapRef"] is null);
            }
        }
        foreach (var map in manifests.OfKind("ConfigMap"))
        {
            foreach (var (key, value) in map["data"]?.AsObject() ?? [])
            {
                Assert.False(SecretScan.IsSecretName(key), $"{overlay}: {Describe(map)} holds {key}");
                Assert.Empty(SecretScan.Literals(value!.ToString()));
            }
        }
    }
}
