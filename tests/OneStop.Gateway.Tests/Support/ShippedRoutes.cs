using Microsoft.Extensions.Configuration;

namespace OneStop.Gateway.Tests.Support;

/// <summary>The ReverseProxy section of the gateway's shipped appsettings.json, so tests run the routes users get.</summary>
public static class ShippedRoutes
{
    public static Dictionary<string, string?> Load()
    {
        var path = Path.Combine(OneStop.Interop.Tests.Interop.RepoPaths.RepoRoot, "gateway", "OneStop.Gateway", "appsettings.json");
        return new ConfigurationBuilder().AddJsonFile(path).Build().AsEnumerable()
            .Where(e => e.Key.StartsWith("ReverseProxy:", StringComparison.Ordinal) && e.Value is not null)
            .ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>The shipped routes and clusters, with the clusters' one destination each moved to the test's backends.</summary>
    public static Dictionary<string, string?> To(Uri directory, Uri appointments) => Load()
        .With("ReverseProxy:Clusters:directory:Destinations:directory-1:Address", directory.ToString())
        .With("ReverseProxy:Clusters:appointments:Destinations:appointments-1:Address", appointments.ToString());
}
