namespace OneStop.Gateway.Web;

/// <summary>Wiring of the Razor Pages web front (front desk and public pages).</summary>
public static class WebFrontExtensions
{
    public static WebApplicationBuilder AddWebFront(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication UseWebFrontMiddleware(this WebApplication app) => app;

    public static WebApplication MapWebFront(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    public static Task SeedWebFrontAsync(this WebApplication app) => Task.CompletedTask;
}
