using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Moves an appointment: free slots of its appointment type under the need it was booked with, then
/// RescheduleAppointment (atomic in the service, which checks the new time against that same need).
/// </summary>
public sealed class RescheduleModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, TimeProvider clock,
    ILogger<RescheduleModel> logger) : PageModel
{
    public string Id { get; private set; } = "";
    public IReadOnlyList<SlotView> Slots { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        // An appointment that does not exist (or not in the caller's region) is a 404 page, an invalid id a 400.
        if (await LoadAsync(id, ct) is { } status) Response.StatusCode = FriendlyErrors.HttpStatus(status);
        return Page();
    }

    /// <summary>The appointment's free slots; the status when the appointment itself could not be read.</summary>
    private async Task<StatusCode?> LoadAsync(string id, CancellationToken ct)
    {
        Id = id;
        Appointment appointment;
        try
        {
            appointment = await clients.Appointments.GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = id },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
            return e.StatusCode;
        }
        try
        {
            var headers = await tokens.ForStaffAsync(HttpContext);
            var now = clock.GetUtcNow();
            // The original need (agencies, interpreter, room, the client's blocked times) holds for the new time too;
            // the service refuses a move that breaks it, so only times that keep it are offered.
            var need = appointment.Need ?? new SlotNeed();
            var search = new FindJointSlotsRequest
            {
                AppointmentTypeId = appointment.AppointmentTypeId,
                RangeStart = Timestamp.FromDateTimeOffset(now),
                RangeEnd = Timestamp.FromDateTimeOffset(now.AddDays(42)),
                MaxResults = 10,
                InterpreterLanguage = need.InterpreterLanguage,
                RoomNeeds = need.RoomNeeds,
            };
            search.Pools.Add(need.Pools);
            search.ClientBlocked.Add(need.ClientBlocked);
            var found = await clients.Appointments.FindJointSlotsAsync(search, headers, DateTime.UtcNow.AddSeconds(10), ct);
            Slots = await SlotView.BuildAsync(found.Slots, lookups, text, ct);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
        return null;
    }

    public async Task<IActionResult> OnPostAsync(string id, string? slot, CancellationToken ct)
    {
        var chosen = SlotCodec.Decode(slot);
        if (chosen is null) return BadRequest();
        try
        {
            await clients.Appointments.RescheduleAppointmentAsync(new RescheduleAppointmentRequest { AppointmentId = id, NewSlot = chosen },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            return LocalRedirect($"/staff/appointments/{Uri.EscapeDataString(id)}?moved=true");
        }
        catch (RpcException e)
        {
            await LoadAsync(id, ct);
            Error = FriendlyErrors.Describe(e, text, logger);
            return Page();
        }
    }
}
