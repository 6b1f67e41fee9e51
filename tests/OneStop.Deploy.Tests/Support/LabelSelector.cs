using System.Text.Json.Nodes;

namespace OneStop.Deploy.Tests.Support;

/// <summary>Kubernetes label selector semantics (matchLabels and matchExpressions), for the policy tests.</summary>
public static class LabelSelector
{
    /// <summary>Whether <paramref name="selector"/> selects <paramref name="labels"/>; an empty selector selects all.</summary>
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null) return true;
        foreach (var (key, value) in selector["matchLabels"]?.AsObject() ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value!.ToString()) return false;
        }
        foreach (var expression in selector["matchExpressions"]?.AsArray() ?? [])
        {
            var key = (string)expression!["key"]!;
            var values = expression["values"]?.AsArray().Select(v => v!.ToString()).ToHashSet() ?? [];
            var has = labels.TryGetValue(key, out var actual);
            var ok = (string)expression["operator"]! switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                var op => throw new InvalidOperationException($"Unknown selector operator {op}."),
            };
            if (!ok) return false;
        }
        return true;
    }
}
