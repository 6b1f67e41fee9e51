using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>One appointment: the booking confirmation, its calendar file, cancelling with a reason and moving it.</summary>
public sealed class AppointmentModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text,
    ILogger<AppointmentModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Booked { get; set; }
    [BindProperty(SupportsGet = true)] public bool Cancelled { get; set; }
    [BindProperty(SupportsGet = true)] public bool Moved { get; set; }
    [BindProperty] public string Reason { get; set; } = "";

    public Appointment? Appointment { get; private set; }
    public string Where { get; private set; } = "";
    public IReadOnlyList<string> With { get; private set; } = [];
    public string? Error { get; private set; }
    private StatusCode? LoadStatus { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // An appointment that does not exist (or not in the caller's region) is a 404 page, an invalid id a 400.
        if (Appointment is null && LoadStatus is { } status) Response.StatusCode = FriendlyErrors.HttpStatus(status);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500)
        {
            Error = text["appt.badReason"];
            await LoadAsync(id, ct);
            return Page();
        }
        try
        {
            await clients.Appointments.CancelAppointmentAsync(new CancelAppointmentRequest { AppointmentId = id, Reason = Reason.Trim() },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            return LocalRedirect($"/staff/appointments/{Uri.EscapeDataString(id)}?cancelled=true");
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            Appointment = await clients.Appointments.GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = id },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            Where = await lookups.LocationNameAsync(Appointment.LocationId, ct);
            var with = new List<string>();
            foreach (var p in Appointment.Participants)
                with.Add($"{text.Or("kind." + (int)p.Kind, p.Kind.ToString())} ({await lookups.OrganizationNameAsync(p.OrganizationId, ct)})");
            With = with;
        }
        catch (RpcException e)
        {
            LoadStatus = e.StatusCode;
            Error ??= FriendlyErrors.Describe(e, text, logger);
        }
    }
}
