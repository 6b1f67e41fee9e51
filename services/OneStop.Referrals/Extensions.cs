using OneStop.Referrals.Grpc;

namespace OneStop.Referrals;

/// <summary>The referrals service's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.AddReferralRouting();
        return builder;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        app.MapGrpcService<ReferralRoutingService>();
        return app;
    }
}
