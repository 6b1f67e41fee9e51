using System.Text.Encodings.Web;
using System.Text.Unicode;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web;

/// <summary>
/// A short localized page for error status codes without a body (404, 400, 405, …), instead of the browser's own.
/// Written directly rather than re-executing a Razor page: a re-executed request would have to be routed again, and
/// the gateway shares its pipeline with the gRPC forwarder. Unhandled exceptions go to the /error page.
/// </summary>
internal static class StatusPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IApplicationBuilder UseWebStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var response = context.HttpContext.Response;
        var language = Languages.Current;
        string Text(string key) => Encoder.Encode(UiText.Get(key, language));
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{language}" dir="{(Languages.IsRightToLeft(language) ? "rtl" : "ltr")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Text("error.title")} – {Text("layout.title")}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="main" class="wrap"><h1>{Text("error.title")}</h1><p>{Text("error.page")} ({response.StatusCode})</p>
            <p><a href="/">{Text("nav.search")}</a></p></main></body>
            </html>
            """);
    });
}
