using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Appointments.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.ServiceDefaults.Time;
using Date = OneStop.Directory.V1.Date;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// The appointments of one day at one location (ListAppointments), with check-in and no-show. The day defaults to
/// today in Europe/Berlin and can be changed, so the desk can also look ahead.
/// </summary>
public sealed class TodayModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, TimeProvider clock,
    ILogger<TodayModel> logger) : PageModel
{
    public sealed record Row(Appointment Appointment, string Time, string With);

    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IReadOnlyList<DirectoryLookups.Choice> Locations { get; private set; } = [];
    public IReadOnlyList<Row>? Rows { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date = DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : BerlinTime.Today(clock);
        try
        {
            Locations = await lookups.LocationsAsync(ct);
            if (string.IsNullOrEmpty(Location) || Locations.All(l => l.Id != Location)) return;
            var rows = new List<Row>();
            var request = new ListAppointmentsRequest
            {
                LocationId = Location,
                Day = new Date { Year = Date.Year, Month = Date.Month, Day = Date.Day },
                PageSize = 200,
            };
            var page = await clients.Appointments.ListAppointmentsAsync(request, await tokens.ForStaffAsync(HttpContext), DateTime.UtcNow.AddSeconds(10), ct);
            foreach (var a in page.Appointments)
            {
                var with = new List<string>();
                foreach (var p in a.Participants.Where(p => p.Kind != ResourceKind.Room))
                    with.Add(await lookups.OrganizationNameAsync(p.OrganizationId, ct));
                rows.Add(new Row(a, $"{BerlinTimeText.TimeOfDay(a.Start)}–{BerlinTimeText.TimeOfDay(a.End)}", text.List(with.Distinct())));
            }
            Rows = rows;
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
        }
    }

    public Task<IActionResult> OnPostCheckInAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, "checkedIn", (request, headers) => clients.Appointments.CheckInAsync(request, headers, DateTime.UtcNow.AddSeconds(10), ct).ResponseAsync, ct);

    public Task<IActionResult> OnPostNoShowAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, "noShow", (request, headers) => clients.Appointments.MarkNoShowAsync(request, headers, DateTime.UtcNow.AddSeconds(10), ct).ResponseAsync, ct);

    private async Task<IActionResult> ChangeAsync(string id, string done, Func<AppointmentIdRequest, Metadata, Task<Appointment>> call, CancellationToken ct)
    {
        try
        {
            await call(new AppointmentIdRequest { AppointmentId = id }, await tokens.ForStaffAsync(HttpContext));
            return LocalRedirect($"/staff/today?location={Uri.EscapeDataString(Location ?? "")}&day={Uri.EscapeDataString(Day ?? "")}&done={done}");
        }
        catch (RpcException e)
        {
            await OnGetAsync(ct);
            Error = FriendlyErrors.Describe(e, text, logger);
            return Page();
        }
    }
}
