using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.ServiceDefaults.Logging;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>The appointment's iCalendar file (GetIcs) as a download, for the client or a counsellor's calendar.</summary>
public sealed class IcsModel(ServiceClients clients, CallerTokens tokens, ILogger<IcsModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            var ics = await clients.Appointments.GetIcsAsync(new AppointmentIdRequest { AppointmentId = id }, await tokens.ForStaffAsync(HttpContext),
                DateTime.UtcNow.AddSeconds(10), ct);
            return File(Encoding.UTF8.GetBytes(ics.Ics), "text/calendar; charset=utf-8", $"onestop-{id}.ics");
        }
        catch (RpcException e) when (e.StatusCode is global::Grpc.Core.StatusCode.NotFound or global::Grpc.Core.StatusCode.InvalidArgument)
        {
            logger.LogInformation("No calendar file for {Id}: {Status}", LogValue.Safe(id), e.StatusCode);
            // Re-executed as the error page with the layout: 404 for an unknown appointment, 400 for an invalid id.
            return StatusCode(FriendlyErrors.HttpStatus(e.StatusCode));
        }
    }
}
