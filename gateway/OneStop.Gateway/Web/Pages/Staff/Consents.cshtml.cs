using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;

namespace OneStop.Gateway.Web.Pages.Staff;

/// <summary>
/// A client's consents in the ledger (GetConsents, withdrawn ones included): record one (RecordConsent) and withdraw
/// one (WithdrawConsent, effective at once: from then on the receiving agencies see only that a referral exists).
/// </summary>
public sealed class ConsentsModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, TimeProvider clock,
    ILogger<ConsentsModel> logger) : PageModel
{
    public static readonly ConsentPurpose[] Purposes =
        [ConsentPurpose.Referral, ConsentPurpose.IntegrationPlan, ConsentPurpose.SkillsProfile, ConsentPurpose.EmployerMatching];

    [BindProperty(SupportsGet = true)] public string ClientId { get; set => field = value ?? ""; } = "";
    [BindProperty(SupportsGet = true)] public bool Recorded { get; set; }
    [BindProperty(SupportsGet = true)] public bool Withdrawn { get; set; }
    [BindProperty] public int Purpose { get; set; } = (int)ConsentPurpose.Referral;
    [BindProperty] public string[] Recipient { get; set; } = [];
    [BindProperty] public int[] Category { get; set; } = [];
    [BindProperty] public int Method { get; set; } = (int)ConsentMethod.SignedForm;
    [BindProperty] public string? Interpreter { get; set; }
    [BindProperty] public string Until { get; set => field = value ?? ""; } = "";
    [BindProperty] public string ConsentId { get; set => field = value ?? ""; } = "";
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string Note { get; set => field = value ?? ""; } = "";

    public IReadOnlyList<Consent> Consents { get; private set; } = [];
    public IReadOnlyList<DirectoryLookups.Choice> Agencies { get; private set; } = [];
    public Dictionary<string, string> OrganizationNames { get; } = new(StringComparer.Ordinal);
    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId)) return BadRequest();
        Until = OneStop.ServiceDefaults.Time.BerlinTime.Today(clock).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId)) return BadRequest();
        await LoadAsync(ct);
        var recipients = Recipient.Where(r => Agencies.Any(a => a.Id == r)).Distinct().ToList();
        var categories = Category.Where(c => c > 0 && System.Enum.IsDefined(typeof(DataCategory), c)).Distinct().Select(c => (DataCategory)c).ToList();
        var method = (ConsentMethod)Method;
        var interpreter = Interpreter is { Length: > 0 } && NeedModel.InterpreterLanguages.Contains(Interpreter) ? Interpreter : "";
        if (!Purposes.Contains((ConsentPurpose)Purpose)) Problems.Add(text["consent.badPurpose"]);
        if (recipients.Count == 0) Problems.Add(text["consent.badRecipients"]);
        if (categories.Count == 0) Problems.Add(text["consent.badCategories"]);
        if (!NewReferralMethods.Contains(method)) Problems.Add(text["consent.badMethod"]);
        else if (method == ConsentMethod.OralWithInterpreter && interpreter.Length == 0) Problems.Add(text["consent.needsInterpreter"]);
        var until = ConsentDates.EndOfDay(Until, clock);
        if (until is null) Problems.Add(text["consent.badUntil"]);
        if (Problems.Count > 0) return Page();

        var request = new RecordConsentRequest
        {
            ClientId = ClientId,
            Purpose = (ConsentPurpose)Purpose,
            Method = method,
            InterpreterLanguage = method == ConsentMethod.OralWithInterpreter ? interpreter : "",
            ValidUntil = Timestamp.FromDateTimeOffset(until!.Value),
        };
        request.RecipientOrganizationIds.Add(recipients);
        request.Categories.Add(categories);
        return await ChangeAsync(async headers => await clients.Consents.RecordConsentAsync(request, headers, Deadline(), ct), "recorded", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId) || ConsentId.Length is 0 or > 200 || Version <= 0) return BadRequest();
        if (Note.Length > 500)
        {
            Problems.Add(text["appt.badReason"]);
            await LoadAsync(ct);
            return Page();
        }
        return await ChangeAsync(async headers => await clients.Consents.WithdrawConsentAsync(
            new WithdrawConsentRequest { ConsentId = ConsentId, ExpectedVersion = Version, Note = Note.Trim() }, headers, Deadline(), ct), "withdrawn", ct);
    }

    private static readonly ConsentMethod[] NewReferralMethods = [ConsentMethod.SignedForm, ConsentMethod.OralWithInterpreter, ConsentMethod.Oral];

    private async Task<IActionResult> ChangeAsync(Func<Metadata, Task> call, string done, CancellationToken ct)
    {
        try
        {
            await call(await tokens.ForStaffAsync(HttpContext));
            return LocalRedirect($"/staff/consents?clientId={Uri.EscapeDataString(ClientId)}&{done}=true");
        }
        catch (RpcException e)
        {
            Problems.Add(e.StatusCode == global::Grpc.Core.StatusCode.Aborted ? text["referral.stale"] : FriendlyErrors.Describe(e, text, logger));
            await LoadAsync(ct);
            return Page();
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            Agencies = await lookups.AgenciesAsync(ct);
            var response = await clients.Consents.GetConsentsAsync(new GetConsentsRequest { ClientId = ClientId }, await tokens.ForStaffAsync(HttpContext), Deadline(), ct);
            Consents = response.Consents;
            foreach (var org in Consents.SelectMany(c => c.RecipientOrganizationIds.Append(c.RecordedByOrganizationId)).Where(o => o.Length > 0).Distinct())
                OrganizationNames[org] = await lookups.OrganizationNameAsync(org, ct);
        }
        catch (RpcException e)
        {
            Problems.Add(FriendlyErrors.Describe(e, text, logger));
        }
    }

    public string Name(string organizationId) => OrganizationNames.GetValueOrDefault(organizationId, organizationId);
}
