using OneStop.Referrals.Domain.Routing;

namespace OneStop.Referrals;

/// <summary>Wiring of the routing suggestions and the family intake (the rest of the service is in <see cref="Extensions"/>).</summary>
public static class RoutingExtensions
{
    /// <summary>The directory read path (OneStop.Directory.Client) and the candidate reader the routing service uses.</summary>
    public static WebApplicationBuilder AddReferralRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddDirectoryClient();
        builder.Services.AddSingleton<DirectoryCandidates>();
        return builder;
    }
}
