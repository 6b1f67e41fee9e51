using OneStop.Benchmarks.AllocationProbe;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS=/path/to/OneStop.Benchmarks.dll) that gives any server process an
/// allocation probe without changing the server: run-h2load.sh starts both the unmodified InteropServer and the
/// raw-kestrel endpoint with it, so both are measured the same way. It does nothing unless
/// ONESTOP_ALLOCATION_PROBE_PORT is set; ONESTOP_ALLOCATION_PROBE_TYPES=1 adds the per-type sampler (diagnosis only).
/// The runtime requires this exact type name, outside any namespace.
/// </summary>
internal static class StartupHook
{
    public const string PortVariable = "ONESTOP_ALLOCATION_PROBE_PORT";
    public const string TypesVariable = "ONESTOP_ALLOCATION_PROBE_TYPES";

    public static void Initialize()
    {
        var port = Environment.GetEnvironmentVariable(PortVariable);
        if (string.IsNullOrEmpty(port)) return;
        ProbeListener.Start(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            sampleTypes: Environment.GetEnvironmentVariable(TypesVariable) == "1");
    }
}
