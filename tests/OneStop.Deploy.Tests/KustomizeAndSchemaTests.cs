using System.Text.Json.Nodes;
using OneStop.Deploy.Tests.Support;

namespace OneStop.Deploy.Tests;

/// <summary>Each overlay builds with kubectl's kustomize, holds every process, and validates against the API schema.</summary>
public sealed class KustomizeAndSchemaTests
{
    public static TheoryData<string> Overlays() => new(Repository.Overlays());

    [Fact]
    public void The_overlays_are_dev_and_prod() => Assert.Equal(["dev", "prod"], Repository.Overlays());

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Overlay_builds_with_a_Deployment_and_Service_for_every_process_and_a_migration_Job_per_database(string overlay)
    {
        var manifests = await Manifests.RenderAsync(overlay);
        var processes = Repository.Processes();
        Assert.Contains(processes, p => p.Name == "gateway");
        Assert.Contains(processes, p => p.Name == "directory");
        foreach (var (folder, name) in processes)
        {
            Assert.True(manifests.OfKind("Deployment").Any(d => Manifests.Name(d) == name), $"{overlay}: no Deployment for {folder}");
            Assert.True(manifests.OfKind("Service").Any(d => Manifests.Name(d) == name), $"{overlay}: no Service for {folder}");
            // Every service owns a database; the gateway has none (its demo sign-in store is SQLite in the pod).
            if (name != "gateway")
                Assert.True(manifests.OfKind("Job").Any(d => Manifests.Name(d) == name + "-migrate"), $"{overlay}: no migration Job for {folder}");
        }
        Assert.All(manifests.Objects, o => Assert.False(string.IsNullOrEmpty((string?)o["metadata"]?["namespace"]) && Manifests.Kind(o) != "Namespace",
            $"{overlay}: {Manifests.Describe(o)} has no namespace"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_rendered_object_validates_against_the_Kubernetes_API_schema(string overlay)
    {
        var manifests = await Manifests.RenderAsync(overlay);
        var result = await ValidateAsync(manifests.Yaml);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var failures = lines.Where(l => !(bool)l["ok"]!).Select(l => l.ToJsonString()).ToList();
        Assert.True(failures.Count == 0, $"{overlay}: {string.Join("\n", failures)}\n{result.Error}");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(manifests.Objects.Count, lines.Count);
    }

    [Fact]
    public async Task The_validator_refuses_a_misspelt_field_a_wrong_type_and_an_unknown_kind()
    {
        var yaml = (await Manifests.RenderAsync("dev")).Yaml;
        await AssertRefusedAsync(ReplaceFirst(yaml, "readinessProbe:", "readinesProbe:"), "unknown field");
        await AssertRefusedAsync(ReplaceFirst(yaml, "containerPort: 5102", "containerPort: many"), "must be integer");
        await AssertRefusedAsync(yaml + "\n---\napiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: x\n", "no schema for v1/Frobnicator");
    }

    private static async Task AssertRefusedAsync(string yaml, string expected)
    {
        var result = await ValidateAsync(yaml);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Output);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the rendered manifests");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>Runs tests/k8s-validate/validate.js on the YAML (through a file: the tool reads files or stdin).</summary>
    private static async Task<Tool.Result> ValidateAsync(string yaml)
    {
        var validator = Repository.Path("tests", "k8s-validate");
        if (!Directory.Exists(Path.Combine(validator, "node_modules", "kubernetes-models")))
        {
            throw new InvalidOperationException($"The validator's packages are not installed: run `npm ci` in {validator} " +
                "(`./onestop test` does this before running the tests).");
        }
        var file = Path.Combine(Path.GetTempPath(), $"onestop-k8s-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            return await Tool.RunAsync("node", [Path.Combine(validator, "validate.js"), file], TimeSpan.FromMinutes(2));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
