using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;
using DirectoryDate = OneStop.Directory.V1.Date;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// A client's one integration plan (GetPlan): goals and steps, each with its agency, status and due date, the
/// referrals hanging off the steps, and the referrals the user's organization sent for the client. Counsellors add
/// goals and steps (AddGoal, AddStep); goals another agency owns show only under the client's consent.
/// </summary>
public sealed class PlanModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, ILogger<PlanModel> logger) : PageModel
{
    public sealed record SentReferral(Referral Referral, string Service);

    [BindProperty(SupportsGet = true)] public string ClientId { get; set => field = value ?? ""; } = "";
    [BindProperty(SupportsGet = true)] public bool Added { get; set; }
    [BindProperty] public string Title { get; set => field = value ?? ""; } = "";
    [BindProperty] public int Category { get; set; }
    [BindProperty] public string Due { get; set => field = value ?? ""; } = "";
    [BindProperty] public string GoalId { get; set => field = value ?? ""; } = "";

    public IntegrationPlan? Plan { get; private set; }
    public bool NoPlan { get; private set; }
    public IReadOnlyList<SentReferral> Sent { get; private set; } = [];
    public Dictionary<string, string> OrganizationNames { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }
    public bool IsCounsellor => User.IsInRole(OneStop.ServiceDefaults.Identity.OneStopRoles.Counsellor)
        || OneStop.ServiceDefaults.Identity.CallerIdentity.From(User)?.IsInRole(OneStop.ServiceDefaults.Identity.OneStopRoles.Counsellor) == true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId)) return BadRequest();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGoalAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId)) return BadRequest();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300 || !NewReferralCategories.Contains(Category) || !TryDate(Due, out var due))
            return await ShowAsync(text["plan.badGoal"], ct);
        return await ChangeAsync(async headers => await clients.Plans.AddGoalAsync(
            new AddGoalRequest { ClientId = ClientId, Title = Title.Trim(), Category = (DataCategory)Category, DueDate = due }, headers, Deadline(), cancellationToken: ct), ct);
    }

    public async Task<IActionResult> OnPostStepAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId) || GoalId.Length is 0 or > 200) return BadRequest();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 300 || !TryDate(Due, out var due)) return await ShowAsync(text["plan.badStep"], ct);
        return await ChangeAsync(async headers => await clients.Plans.AddStepAsync(
            new AddStepRequest { ClientId = ClientId, GoalId = GoalId, Title = Title.Trim(), DueDate = due }, headers, Deadline(), cancellationToken: ct), ct);
    }

    private static readonly int[] NewReferralCategories = [.. System.Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Unspecified).Select(c => (int)c)];

    private async Task<IActionResult> ChangeAsync(Func<Metadata, Task> call, CancellationToken ct)
    {
        try
        {
            await call(await tokens.ForStaffAsync(HttpContext));
            return LocalRedirect($"/staff/plan?clientId={Uri.EscapeDataString(ClientId)}&added=true");
        }
        catch (RpcException e)
        {
            return await ShowAsync(FriendlyErrors.Describe(e, text, logger), ct);
        }
    }

    private async Task<IActionResult> ShowAsync(string error, CancellationToken ct)
    {
        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Empty is no due date; otherwise a calendar date.</summary>
    private static bool TryDate(string value, out DirectoryDate? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year is < 2000 or > 2200) return false;
        date = new DirectoryDate { Year = d.Year, Month = d.Month, Day = d.Day };
        return true;
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            var headers = await tokens.ForStaffAsync(HttpContext);
            try
            {
                Plan = await clients.Plans.GetPlanAsync(new GetPlanRequest { ClientId = ClientId }, headers, Deadline(), ct);
            }
            catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.NotFound)
            {
                NoPlan = true;
            }
            var sent = await clients.Referrals.ListReferralsAsync(new ListReferralsRequest { Box = Box.Outbox, ClientId = ClientId, PageSize = 50 },
                headers, Deadline(), ct);
            var rows = new List<SentReferral>();
            foreach (var r in sent.Referrals) rows.Add(new SentReferral(r, await lookups.ServiceNameAsync(r.ReceiverServiceId, ct)));
            Sent = rows;
            var organizations = new List<string>();
            if (Plan is not null)
            {
                organizations.Add(Plan.ResponsibleOrganizationId);
                organizations.AddRange(Plan.Goals.Select(g => g.OwnerOrganizationId));
                organizations.AddRange(Plan.Goals.SelectMany(g => g.Steps).Select(s => s.OwnerOrganizationId));
            }
            foreach (var org in organizations.Where(o => o.Length > 0).Distinct())
                OrganizationNames[org] = await lookups.OrganizationNameAsync(org, ct);
        }
        catch (RpcException e)
        {
            Error ??= FriendlyErrors.Describe(e, text, logger);
        }
    }

    public static string DateText(DirectoryDate? date) =>
        date is null || date.Year == 0 ? "–" : new DateOnly(date.Year, date.Month, date.Day).ToString("D", CultureInfo.CurrentCulture);
}
