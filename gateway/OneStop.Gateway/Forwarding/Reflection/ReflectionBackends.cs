using Yarp.ReverseProxy;

namespace OneStop.Gateway.Forwarding.Reflection;

/// <summary>
/// Which backend owns which gRPC symbols, read from YARP's live routes: a route matching
/// <c>/onestop.directory.v1.{service}/{method}</c> makes its cluster the owner of every symbol under
/// <c>onestop.directory.v1.</c>. Read per request, so a reloaded ReverseProxy section (a new service) needs no restart.
/// </summary>
public sealed class ReflectionBackends(IProxyStateLookup proxy)
{
    /// <summary>A routed package prefix (with its trailing dot) and the backend addresses of its cluster, healthy ones first.</summary>
    public sealed record Backend(string Prefix, string ClusterId, IReadOnlyList<Uri> Addresses);

    public IReadOnlyList<Backend> All()
    {
        var backends = new List<Backend>();
        foreach (var route in proxy.GetRoutes())
        {
            var prefix = SymbolPrefix(route.Config.Match.Path);
            var cluster = route.Cluster;
            if (prefix is null || cluster is null) continue;
            var destinations = cluster.DestinationsState;
            var addresses = destinations.AvailableDestinations.Concat(destinations.AllDestinations)
                .Select(d => d.Model.Config.Address).Distinct(StringComparer.Ordinal)
                .Select(a => new Uri(a)).ToList();
            if (addresses.Count > 0) backends.Add(new Backend(prefix, cluster.ClusterId, addresses));
        }
        return backends;
    }

    /// <summary>The backends whose prefix the symbol (or a file name, with '/' read as '.') starts with, longest prefix first.</summary>
    public static IEnumerable<Backend> Owners(IEnumerable<Backend> backends, string symbol) =>
        backends.Where(b => symbol.StartsWith(b.Prefix, StringComparison.Ordinal)).OrderByDescending(b => b.Prefix.Length);

    /// <summary>"onestop.directory.v1." for the path pattern "/onestop.directory.v1.{service}/{method}"; null for a route not of that form.</summary>
    public static string? SymbolPrefix(string? pathPattern)
    {
        if (pathPattern is null || !pathPattern.StartsWith('/')) return null;
        var parameter = pathPattern.IndexOf('{', StringComparison.Ordinal);
        if (parameter <= 1) return null;
        var prefix = pathPattern[1..parameter];
        return prefix.EndsWith('.') && !prefix.Contains('/', StringComparison.Ordinal) ? prefix : null;
    }
}
