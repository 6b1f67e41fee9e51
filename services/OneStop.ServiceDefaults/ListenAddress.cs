using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace OneStop.ServiceDefaults;

/// <summary>
/// The interface a listener binds, from <c>OneStop:ListenAddress</c>: 127.0.0.1 by default, so a local run is never
/// reachable from the network; <c>any</c> in a container, where the kubelet's probes and the other pods reach the
/// process on the pod's address (all interfaces, IPv6 and IPv4); or one IP address.
/// </summary>
public static class ListenAddress
{
    public const string Key = "OneStop:ListenAddress";
    public const string Any = "any";

    /// <summary>The address to bind, or null for all interfaces.</summary>
    public static IPAddress? Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key]?.Trim();
        if (string.IsNullOrEmpty(value)) return IPAddress.Loopback;
        if (value.Equals(Any, StringComparison.OrdinalIgnoreCase)) return null;
        return IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{Key} must be '{Any}' or an IP address, not '{value}'.");
    }

    // Kestrel keeps its listeners to itself; these are kept so the start-up line can say what each port speaks.
    private static readonly ConditionalWeakTable<KestrelServerOptions, List<ListenOptions>> Listeners = new();

    /// <summary>Adds a listener on <paramref name="port"/> at the configured address.</summary>
    public static void Listen(KestrelServerOptions kestrel, IConfiguration configuration, int port, Action<ListenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(configure);
        void Configure(ListenOptions listen)
        {
            configure(listen);
            var list = Listeners.GetOrCreateValue(kestrel);
            lock (list) list.Add(listen);
        }
        // Resolved here, not when the callback runs, would be too early for nothing: Kestrel calls this once at start.
        if (Resolve(configuration) is { } address) kestrel.Listen(address, port, Configure);
        else kestrel.ListenAnyIP(port, Configure);
    }

    /// <summary>The listeners <see cref="Listen"/> added to <paramref name="kestrel"/>, in order.</summary>
    internal static IReadOnlyList<ListenOptions> ListenersOf(KestrelServerOptions kestrel)
    {
        if (!Listeners.TryGetValue(kestrel, out var list)) return [];
        lock (list) return [.. list];
    }
}
