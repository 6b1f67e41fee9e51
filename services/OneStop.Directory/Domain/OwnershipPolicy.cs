using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Domain;

/// <summary>
/// Who may change an entry (docs/directory.md, "Write rules"). Three checks, all required:
/// <list type="number">
/// <item>a role that writes directory data: <c>region-admin</c> or <c>agency-system</c> (a front desk, a counsellor or
///   an employer reads the directory but does not maintain it, and a token with no role is no writer at all);</item>
/// <item>the caller's <c>region</c> is exactly the entry's owning region: exact, not prefix, so a Kreis ("05766")
///   does not write what a Gemeinde ("05766020") owns, and another Kreis nothing;</item>
/// <item>the owner: a region-admin administers every entry of its region, an agency system only its own
///   organization's.</item>
/// </list>
/// </summary>
public static class OwnershipPolicy
{
    /// <summary>The roles that may write directory data at all.</summary>
    public static readonly IReadOnlyList<string> WriterRoles = [OneStopRoles.RegionAdmin, OneStopRoles.AgencySystem];

    /// <summary>Why a caller without such a role is refused (after <see cref="WriterRoles"/>, which it names).</summary>
    public static readonly string NoWriterRole = $"writing directory data needs the role {string.Join(" or ", WriterRoles)}";

    /// <summary>Whether the caller holds a role that writes directory data (checked before the entry is looked at).</summary>
    public static bool MayWrite(CallerIdentity caller) => WriterRoles.Any(caller.IsInRole);

    public static bool MayChange(CallerIdentity caller, Ownership ownership) => Refusal(caller, ownership) is null;

    /// <param name="what">"stored" or "new": which ownership failed, for the message.</param>
    public static void EnsureMayChange(CallerIdentity caller, Ownership ownership, string entryId, string what)
    {
        if (Refusal(caller, ownership) is { } reason) throw new NotPermittedException($"Caller may not change '{entryId}': {reason(what)}.");
    }

    /// <summary>Null when the caller may change an entry so owned; else the reason, given "stored" or "new".</summary>
    private static Func<string, string>? Refusal(CallerIdentity caller, Ownership ownership)
    {
        if (!MayWrite(caller)) return _ => NoWriterRole;
        if (caller.RegionAgs.Length == 0 || caller.RegionAgs != ownership.RegionAgs)
            return what => $"the {what} owner's region is '{ownership.RegionAgs}', the caller's is '{caller.RegionAgs}'";
        if (caller.IsInRole(OneStopRoles.RegionAdmin)) return null;
        if (caller.OrganizationId.Length > 0 && caller.OrganizationId == ownership.OrganizationId) return null;
        return what => $"{what} owner is organization '{ownership.OrganizationId}' in region '{ownership.RegionAgs}'";
    }
}
