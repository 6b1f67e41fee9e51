using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OneStop.Deploy.Tests.Support;

/// <summary>An overlay rendered by <c>kubectl kustomize</c>: its YAML and its objects.</summary>
public sealed class Manifests
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Manifests>>> Rendered = new();

    private Manifests(string overlay, string yaml, IReadOnlyList<JsonObject> objects)
    {
        Overlay = overlay;
        Yaml = yaml;
        Objects = objects;
    }

    public string Overlay { get; }
    public string Yaml { get; }
    public IReadOnlyList<JsonObject> Objects { get; }

    /// <summary>Renders each overlay once per test run.</summary>
    public static Task<Manifests> RenderAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<Task<Manifests>>(() => RenderUncachedAsync(o))).Value;

    public static async Task<Manifests> RenderUncachedAsync(string overlay)
    {
        var result = await Tool.RunAsync("kubectl", ["kustomize", Repository.Path("deploy", "k8s", "overlays", overlay)], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0) throw new InvalidOperationException($"kubectl kustomize {overlay} failed ({result.ExitCode}):\n{result.Error}");
        return new Manifests(overlay, result.Output, Support.Yaml.ReadObjects(result.Output));
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Kind(o) == kind);

    public JsonObject Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => Name(o) == name) ?? throw new InvalidOperationException($"{Overlay}: no {kind} {name}.");

    /// <summary>Objects that run pods, with their pod template: Deployments, StatefulSets and Jobs.</summary>
    public IEnumerable<(JsonObject Owner, JsonObject Template)> PodTemplates() =>
        Objects.Where(o => Kind(o) is "Deployment" or "StatefulSet" or "Job" or "DaemonSet" or "CronJob")
            .Select(o => (o, Kind(o) == "CronJob"
                ? o["spec"]!["jobTemplate"]!["spec"]!["template"]!.AsObject()
                : o["spec"]!["template"]!.AsObject()));

    public static string Kind(JsonNode o) => (string)o["kind"]!;
    public static string Name(JsonNode o) => (string)o["metadata"]!["name"]!;
    public static string Describe(JsonNode o) => $"{Kind(o)}/{Name(o)}";

    public static IReadOnlyDictionary<string, string> Labels(JsonNode? metadata) =>
        metadata?["labels"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString()) ?? new Dictionary<string, string>();

    public static IEnumerable<JsonObject> Containers(JsonObject template) =>
        (template["spec"]!["containers"]?.AsArray() ?? []).Concat(template["spec"]!["initContainers"]?.AsArray() ?? []).Select(c => c!.AsObject());
}
