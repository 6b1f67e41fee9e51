using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Domain;

/// <summary>
/// Who may change an entry: its owning organization, or a region-admin of exactly the owning region. Exact, not
/// prefix: a Kreis admin ("05766") does not administer entries a Gemeinde ("05766020") owns — the Gemeinde does.
/// </summary>
public static class OwnershipPolicy
{
    public static bool MayChange(CallerIdentity caller, Ownership ownership) =>
        (caller.OrganizationId.Length > 0 && caller.OrganizationId == ownership.OrganizationId)
        || (caller.IsInRole(OneStopRoles.RegionAdmin) && caller.RegionAgs.Length > 0 && caller.RegionAgs == ownership.RegionAgs);

    /// <param name="what">"stored" or "new": which ownership failed, for the message.</param>
    public static void EnsureMayChange(CallerIdentity caller, Ownership ownership, string entryId, string what)
    {
        if (!MayChange(caller, ownership))
        {
            throw new NotPermittedException(
                $"Caller may not change '{entryId}': {what} owner is organization '{ownership.OrganizationId}' in region '{ownership.RegionAgs}'.");
        }
    }
}
