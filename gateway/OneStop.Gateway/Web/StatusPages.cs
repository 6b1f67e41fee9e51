using Microsoft.AspNetCore.Diagnostics;

namespace OneStop.Gateway.Web;

/// <summary>
/// Unhandled exceptions (500) and error status codes without a body (an unknown page 404, a refused form 400,
/// 405, 429, …) are answered by the /error Razor page, re-executed in place: the same layout as every page (site
/// header, language switch), in the visitor's language, with the original status. Web requests only: a forwarded
/// gRPC call or a gRPC request to the gateway never gets an HTML status page.
/// </summary>
internal static class StatusPages
{
    public static WebApplication UseWebErrorPages(this WebApplication app, Func<HttpContext, bool> isWebRequest)
    {
        // gRPC calls do not reach it: grpc-dotnet answers a service's exception with a status, YARP a forwarding failure.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error");
        app.Use((context, next) =>
        {
            if (!isWebRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
            return next(context);
        });
        return app;
    }
}
