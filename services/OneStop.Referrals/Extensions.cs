namespace OneStop.Referrals;

/// <summary>The referrals service's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        return builder;
    }

    public static WebApplication MapReferrals(this WebApplication app) => app;
}
