using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.ServiceDefaults.Logging;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// Step 2: the chosen slot is held for the staff member (HoldSlot), then booked from the hold (BookAppointment). The
/// confirm form carries a fresh idempotency key, so a double click or a resubmitted form books once.
/// </summary>
public sealed class BookModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, ILogger<BookModel> logger) : PageModel
{
    public Hold? Hold { get; private set; }
    public SlotView? Slot { get; private set; }
    public string TypeId { get; private set; } = "";
    public string IdempotencyKey { get; private set; } = "";
    public string? Error { get; private set; }

    public IActionResult OnGet() => LocalRedirect("/staff/need");

    /// <summary>Hold the slot picked on the need page.</summary>
    public async Task<IActionResult> OnPostAsync(string? slot, string? clientId, string? typeId, CancellationToken ct)
    {
        var chosen = SlotCodec.Decode(slot);
        if (chosen is null || !BookingReference.IsValidClientId(clientId) || string.IsNullOrEmpty(typeId)) return BadRequest();
        TypeId = typeId;
        try
        {
            Hold = await clients.Appointments.HoldSlotAsync(new HoldSlotRequest { Slot = chosen, ClientId = clientId, AppointmentTypeId = typeId },
                await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            Slot = (await SlotView.BuildAsync([Hold.Slot], lookups, text, ct))[0];
            IdempotencyKey = "book-" + Guid.NewGuid().ToString("N");
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
        return Page();
    }

    /// <summary>Book the held slot; a replay under the same key returns the same appointment.</summary>
    public async Task<IActionResult> OnPostBookAsync(string? holdId, string? clientId, string? typeId, string? idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(holdId) || !BookingReference.IsValidClientId(clientId) || idempotencyKey is not { Length: > 0 and <= 200 })
            return BadRequest();
        try
        {
            var headers = await tokens.ForStaffAsync(HttpContext);
            headers.Add("idempotency-key", idempotencyKey);
            var appointment = await clients.Appointments.BookAppointmentAsync(
                new BookAppointmentRequest { HoldId = holdId, ClientId = clientId, AppointmentTypeId = typeId ?? "" },
                headers, DateTime.UtcNow.AddSeconds(10), ct);
            return LocalRedirect($"/staff/appointments/{Uri.EscapeDataString(appointment.Id)}?booked=true");
        }
        catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition)
        {
            // Consuming a hold fails this way when it expired or the client reached the open-booking limit.
            logger.LogInformation("Hold {Hold} not bookable: {Detail}", LogValue.Safe(holdId), LogValue.Safe(e.Status.Detail));
            Error = text["book.notBookable"];
            return Page();
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
            return Page();
        }
    }
}
