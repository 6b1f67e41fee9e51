using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Directory.Client;
using OneStop.Directory.V1;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Web.Pages.Services;

/// <summary>One service in the visitor's language (German where no translation exists), with its opening hours.</summary>
public sealed class DetailsModel(DirectoryClient directory, DirectoryLookups lookups, IOptions<WebFrontOptions> options, UiText text,
    ILogger<DetailsModel> logger) : PageModel
{
    public sealed record Hours(string Place, bool AppointmentOnly, IReadOnlyList<OpeningHours> Weekly);

    public Service? Service { get; private set; }
    public Translation Text { get; private set; } = new();
    /// <summary>Which of the service's own texts had no translation in the page's language (shown in German, marked).</summary>
    public bool NameInGerman { get; private set; }
    public bool DescriptionInGerman { get; private set; }
    public bool ProcessInGerman { get; private set; }
    public string Provider { get; private set; } = "";
    public IReadOnlyList<Hours> Schedules { get; private set; } = [];
    public bool TakesRequests { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        try
        {
            Service = await directory.GetServiceAsync(id, ct);
            if (Service is null)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }
            Text = DirectoryTexts.For(Service, Languages.Current);
            var translation = Service.Translations.FirstOrDefault(t => t.Language == Languages.Current);
            NameInGerman = string.IsNullOrWhiteSpace(translation?.Name);
            DescriptionInGerman = string.IsNullOrWhiteSpace(translation?.Description);
            ProcessInGerman = string.IsNullOrWhiteSpace(translation?.ApplicationProcess);
            Provider = await lookups.OrganizationNameAsync(Service.OrganizationId, ct);
            var schedules = new List<Hours>();
            foreach (var schedule in Service.Schedules)
            {
                var place = schedule.AttendingType == AttendingType.Online ? text["service.online"] : await lookups.LocationNameAsync(schedule.LocationId, ct);
                schedules.Add(new Hours(place, schedule.AppointmentOnly, [.. schedule.Weekly.OrderBy(h => h.Day).ThenBy(h => h.OpensAt, StringComparer.Ordinal)]));
            }
            Schedules = schedules;
            TakesRequests = options.Value.PublicAppointmentTypes.ContainsKey(Service.Id);
        }
        catch (RpcException e)
        {
            Error = FriendlyErrors.Describe(e, text, logger);
            Response.StatusCode = FriendlyErrors.HttpStatus(e.StatusCode); // an invalid id is 400, the directory down 503
        }
        return Page();
    }
}
