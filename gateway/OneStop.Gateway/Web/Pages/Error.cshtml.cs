using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace OneStop.Gateway.Web.Pages;

/// <summary>
/// Shown for unhandled errors (500) and error status codes without a body (re-executed by the status code pages):
/// no stack trace, no detail, in the visitor's language, with the layout and the status the request ended with.
/// </summary>
// Not limited: it is re-executed for requests the limiter already counted, and a 404 must not turn into a 429.
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>The key of the sentence for <see cref="Status"/>.</summary>
    public string TextKey => Status switch
    {
        StatusCodes.Status400BadRequest => "error.status400",
        StatusCodes.Status404NotFound => "error.status404",
        StatusCodes.Status429TooManyRequests => "error.status429",
        _ => "error.page",
    };

    public void OnGet() => Describe();

    // Re-executed POSTs (an error while handling a form, a refused antiforgery token) land here too.
    public void OnPost() => Describe();

    private void Describe()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
            Response.StatusCode = reExecuted.OriginalStatusCode;
        else if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        Status = Response.StatusCode;
    }
}
