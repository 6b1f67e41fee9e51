using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Data;

/// <summary>
/// How strictly one write is checked. gRPC writers get everything; the HSDS import keeps ownership but has no
/// etags to offer; the seed is the system itself. Spelled out here so no caller can end up in system mode by a null.
/// </summary>
public sealed record WriteRules(CallerIdentity? Caller, bool RequireEtag, bool SkipUnchanged)
{
    /// <summary>A gRPC Upsert/Delete: ownership (stored and new) and the current etag are required.</summary>
    public static WriteRules For(CallerIdentity caller) => new(caller, RequireEtag: true, SkipUnchanged: false);

    /// <summary>HSDS import: ownership per record; records carry no etags, identical ones are left alone.</summary>
    public static WriteRules Import(CallerIdentity caller) => new(caller, RequireEtag: false, SkipUnchanged: true);

    /// <summary>The demo-county seed: no caller; re-running it must write nothing.</summary>
    public static readonly WriteRules Seed = new(null, RequireEtag: false, SkipUnchanged: true);
}
