using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace OneStop.Grpc.Protocol;

/// <summary>
/// Kestrel reports the request headers it knows under HeaderNames' canonical spelling ("User-Agent"), while gRPC
/// works with lower-case names. Lower-casing those on every call cost a new string and a casing pass per header per
/// call; this table does it once, for every name HeaderNames defines.
/// </summary>
internal static class KnownHeaderNames
{
    private static readonly FrozenDictionary<string, string> LowerCase =
        typeof(HeaderNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(string))
            .Select(field => (string)field.GetValue(null)!)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(name => name, name => name.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Same result as <see cref="string.ToLowerInvariant()"/>; for HeaderNames' names without a new string.</summary>
    public static string ToLowerInvariant(string name) => LowerCase.TryGetValue(name, out var lower) ? lower : name.ToLowerInvariant();
}
