using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Web;

/// <summary>The identity profile the web front was built for: how staff sign in and what their calls carry.</summary>
public sealed record WebFrontProfile(IdentityProfile Profile)
{
    /// <summary>Staff sign in at an external issuer (not the local demo store).</summary>
    public bool SignsInExternally => Profile != IdentityProfile.Development;
}
