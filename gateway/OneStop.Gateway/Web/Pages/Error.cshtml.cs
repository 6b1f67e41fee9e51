using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Gateway.Web.Pages;

/// <summary>Shown for unhandled errors and error status codes: no stack trace, no detail, in the visitor's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }

    // Re-executed POSTs (an error while handling a form) land here too.
    public void OnPost()
    {
    }
}
