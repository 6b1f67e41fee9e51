using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Time;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Gateway.Web.Pages.Staff.Referrals;

/// <summary>
/// The front desk refers a client to a directory service (CreateReferral). Sending needs a consent of the client for
/// the receiving organization covering every shared category, so the form can record that consent first
/// (RecordConsent, purpose REFERRAL) from what the client said at the desk. Opened from the booking pages with the
/// client id and the need's topics and interpreter language already filled in.
/// </summary>
public sealed class NewModel(ServiceClients clients, CallerTokens tokens, DirectoryLookups lookups, UiText text, TimeProvider clock,
    ILogger<NewModel> logger) : PageModel
{
    /// <summary>Languages offered as checkboxes; the interpreter select uses the booking page's list.</summary>
    public static readonly string[] ClientLanguages = ["de", "en", "ar", "uk", "ru", "tr", "fa", "fr"];

    /// <summary>Every category but NEEDS, which every referral carries and is always shared.</summary>
    public static readonly DataCategory[] OptionalCategories = [.. System.Enum.GetValues<DataCategory>().Where(c => c > DataCategory.Needs)];

    public static readonly ConsentMethod[] Methods = [ConsentMethod.SignedForm, ConsentMethod.OralWithInterpreter, ConsentMethod.Oral];

    [BindProperty(SupportsGet = true)] public string ClientId { get; set => field = value ?? ""; } = "";
    [BindProperty(SupportsGet = true)] public string ServiceId { get; set => field = value ?? ""; } = "";
    [BindProperty(SupportsGet = true)] public int[] Topic { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Interpreter { get; set; }
    [BindProperty(SupportsGet = true)] public string PlanStepId { get; set => field = value ?? ""; } = "";
    [BindProperty] public string Reason { get; set => field = value ?? ""; } = "";
    [BindProperty] public string[] Language { get; set; } = [];
    [BindProperty] public int Urgency { get; set; } = (int)OneStop.Referrals.V1.Urgency.Routine;
    [BindProperty] public string Note { get; set => field = value ?? ""; } = "";
    [BindProperty] public int[] Category { get; set; } = [];
    [BindProperty] public bool ConsentGiven { get; set; }
    [BindProperty] public int ConsentMethodCode { get; set; } = (int)ConsentMethod.SignedForm;
    [BindProperty] public string ConsentUntil { get; set => field = value ?? ""; } = "";
    [BindProperty] public bool Send { get; set; } = true;

    public IReadOnlyList<DirectoryLookups.Choice> Services { get; private set; } = [];
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!BookingReference.IsValidClientId(ClientId)) ClientId = "";
        if (Interpreter is { Length: > 0 } && !NeedModel.InterpreterLanguages.Contains(Interpreter)) Interpreter = null;
        // A need from the booking page with an interpreter says the client speaks that language.
        if (Interpreter is { Length: > 0 } spoken)
        {
            Language = [spoken];
            Category = [(int)DataCategory.Languages];
        }
        ConsentUntil = DefaultConsentUntil();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var request = BuildRequest();
        if (request is null) return Page();
        try
        {
            var headers = await tokens.ForStaffAsync(HttpContext);
            if (ConsentGiven)
            {
                var receiver = await lookups.OrganizationOfServiceAsync(request.ReceiverServiceId, ct);
                if (receiver.Length == 0)
                {
                    Problems.Add(text["referral.badService"]);
                    return Page();
                }
                await clients.Consents.RecordConsentAsync(ConsentRequest(request, receiver), await tokens.ForStaffAsync(HttpContext),
                    DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
            }
            var referral = await clients.Referrals.CreateReferralAsync(request, headers, DateTime.UtcNow.AddSeconds(10), ct);
            return LocalRedirect($"/staff/referrals/{Uri.EscapeDataString(referral.Id)}?created=true");
        }
        catch (RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.FailedPrecondition && e.Status.Detail.StartsWith("No consent", StringComparison.Ordinal))
        {
            logger.LogInformation("Referral not sent: {Detail}", e.Status.Detail);
            Problems.Add(text["referral.noConsent"]);
        }
        catch (RpcException e)
        {
            Problems.Add(FriendlyErrors.Describe(e, text, logger));
        }
        return Page();
    }

    private CreateReferralRequest? BuildRequest()
    {
        if (!BookingReference.IsValidClientId(ClientId)) Problems.Add(text["need.badClient"]);
        if (!Services.Any(s => s.Id == ServiceId)) Problems.Add(text["referral.badService"]);
        var topics = Topic.Where(t => t > 0 && System.Enum.IsDefined(typeof(Topic), t)).Distinct().Select(t => (Topic)t).ToList();
        if (topics.Count == 0) Problems.Add(text["referral.badTopics"]);
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 2000) Problems.Add(text["referral.badReason"]);
        if (Note.Length > 2000) Problems.Add(text["referral.badNote"]);
        var languages = Language.Where(ClientLanguages.Contains).Distinct().ToList();
        var interpreter = Interpreter is { Length: > 0 } && NeedModel.InterpreterLanguages.Contains(Interpreter) ? Interpreter : "";
        var categories = Category.Where(c => OptionalCategories.Contains((DataCategory)c)).Distinct().Select(c => (DataCategory)c).Prepend(DataCategory.Needs).ToList();
        // What goes to the other agency is what the categories say: data entered without its category is not sent silently.
        if ((languages.Count > 0 || interpreter.Length > 0) && !categories.Contains(DataCategory.Languages)) Problems.Add(text["referral.needsLanguages"]);
        if (!string.IsNullOrWhiteSpace(Note) && !categories.Contains(DataCategory.CaseNotes)) Problems.Add(text["referral.needsNotes"]);
        if (!System.Enum.IsDefined(typeof(Urgency), Urgency) || Urgency == 0) Problems.Add(text["referral.badUrgency"]);
        if (ConsentGiven)
        {
            if (!Methods.Contains((ConsentMethod)ConsentMethodCode)) Problems.Add(text["consent.badMethod"]);
            else if ((ConsentMethod)ConsentMethodCode == ConsentMethod.OralWithInterpreter && interpreter.Length == 0) Problems.Add(text["consent.needsInterpreter"]);
            if (ConsentEnd() is null) Problems.Add(text["consent.badUntil"]);
        }
        if (Problems.Count > 0) return null;

        var request = new CreateReferralRequest
        {
            ClientId = ClientId,
            ReceiverServiceId = ServiceId,
            Reason = Reason.Trim(),
            InterpreterNeeded = interpreter.Length > 0,
            InterpreterLanguage = interpreter,
            Urgency = (Urgency)Urgency,
            Note = Note.Trim(),
            PlanStepId = PlanStepId.Length is > 0 and <= 200 ? PlanStepId : "",
            Submit = Send,
        };
        request.Needs.Add(topics);
        request.Languages.Add(languages);
        request.SharedCategories.Add(categories);
        return request;
    }

    private RecordConsentRequest ConsentRequest(CreateReferralRequest referral, string receiverOrganizationId)
    {
        var method = (ConsentMethod)ConsentMethodCode;
        var consent = new RecordConsentRequest
        {
            ClientId = referral.ClientId,
            Purpose = ConsentPurpose.Referral,
            ValidUntil = Timestamp.FromDateTimeOffset(ConsentEnd()!.Value),
            Method = method,
            InterpreterLanguage = method == ConsentMethod.OralWithInterpreter ? referral.InterpreterLanguage : "",
        };
        consent.RecipientOrganizationIds.Add(receiverOrganizationId);
        consent.Categories.Add(referral.SharedCategories);
        return consent;
    }

    /// <summary>The end of the chosen day in Berlin; a day in the past (or today, already partly gone) is refused.</summary>
    private DateTimeOffset? ConsentEnd() => ConsentDates.EndOfDay(ConsentUntil, clock);

    private string DefaultConsentUntil() =>
        BerlinTime.ToLocal(clock.GetUtcNow()).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        try
        {
            Services = await lookups.ReceivingServicesAsync(ct);
        }
        catch (RpcException e)
        {
            Problems.Add(FriendlyErrors.Describe(e, text, logger));
        }
    }
}
