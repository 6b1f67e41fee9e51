using OneStop.Directory.V1;
using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Grpc;

/// <summary>Field checks before any work: each failure is INVALID_ARGUMENT naming the field.</summary>
public static class RequestValidator
{
    private const int MaxText = 4000;

    public static void Validate(CreateReferralRequest r)
    {
        Id("client_id", r.ClientId);
        Id("receiver_service_id", r.ReceiverServiceId);
        Text("reason", r.Reason, required: true);
        if (r.Needs.Count == 0) throw DomainException.InvalidArgument("needs", "at least one coded need is required");
        for (var i = 0; i < r.Needs.Count; i++)
        {
            if (r.Needs[i] == Topic.Unspecified || !Enum.IsDefined(r.Needs[i])) throw DomainException.InvalidArgument($"needs[{i}]", "is not a known topic");
        }
        for (var i = 0; i < r.Languages.Count; i++) Language($"languages[{i}]", r.Languages[i]);
        if (r.InterpreterNeeded) Language("interpreter_language", r.InterpreterLanguage);
        else if (r.InterpreterLanguage.Length > 0) throw DomainException.InvalidArgument("interpreter_language", "is only set with interpreter_needed");
        Defined("urgency", r.Urgency, allowUnspecified: true);
        if (r.SharedCategories.Count == 0) throw DomainException.InvalidArgument("shared_categories", "at least NEEDS is required");
        for (var i = 0; i < r.SharedCategories.Count; i++) Defined($"shared_categories[{i}]", r.SharedCategories[i]);
        if (!r.SharedCategories.Contains(DataCategory.Needs)) throw DomainException.InvalidArgument("shared_categories", "must contain NEEDS (every referral carries its needs)");
        if ((r.Languages.Count > 0 || r.InterpreterNeeded) && !r.SharedCategories.Contains(DataCategory.Languages))
            throw DomainException.InvalidArgument("shared_categories", "must contain LANGUAGES when languages or an interpreter need are given");
        Text("note", r.Note, required: false);
        if (r.Note.Length > 0 && !r.SharedCategories.Contains(DataCategory.CaseNotes))
            throw DomainException.InvalidArgument("shared_categories", "must contain CASE_NOTES when a note is given");
        for (var i = 0; i < r.Attachments.Count; i++)
        {
            var a = r.Attachments[i];
            if (!Uri.TryCreate(a.Uri, UriKind.Absolute, out _)) throw DomainException.InvalidArgument($"attachments[{i}].uri", "must be an absolute URI");
            Text($"attachments[{i}].title", a.Title, required: false);
            Defined($"attachments[{i}].category", a.Category);
            if (!r.SharedCategories.Contains(a.Category))
                throw DomainException.InvalidArgument($"attachments[{i}].category", "must be one of shared_categories");
        }
        if (r.PlanStepId.Length > 0) Id("plan_step_id", r.PlanStepId);
    }

    public static void Validate(TransitionRequest r) => Transition(r.ReferralId, r.ExpectedVersion);

    public static void Validate(CancelReferralRequest r)
    {
        Transition(r.ReferralId, r.ExpectedVersion);
        Text("reason", r.Reason, required: false);
    }

    public static void Validate(HoldReferralRequest r)
    {
        Transition(r.ReferralId, r.ExpectedVersion);
        Text("reason", r.Reason, required: false);
    }

    public static void Validate(RejectReferralRequest r)
    {
        Transition(r.ReferralId, r.ExpectedVersion);
        Text("reason", r.Reason, required: true);
    }

    public static void Validate(CompleteReferralRequest r)
    {
        Transition(r.ReferralId, r.ExpectedVersion);
        if (r.Outcome is ReferralOutcome.Unspecified or ReferralOutcome.NoAnswer || !Enum.IsDefined(r.Outcome))
            throw DomainException.InvalidArgument("outcome", "must be SERVICE_PROVIDED, CLIENT_DECLINED, CLIENT_NOT_REACHED, MOVED_AWAY or NOT_ELIGIBLE");
    }

    public static void Validate(RecordConsentRequest r, DateTime nowUtc)
    {
        Id("client_id", r.ClientId);
        Defined("purpose", r.Purpose);
        if (r.RecipientOrganizationIds.Count == 0) throw DomainException.InvalidArgument("recipient_organization_ids", "at least one recipient is required");
        for (var i = 0; i < r.RecipientOrganizationIds.Count; i++) Id($"recipient_organization_ids[{i}]", r.RecipientOrganizationIds[i]);
        if (r.Categories.Count == 0) throw DomainException.InvalidArgument("categories", "at least one category is required");
        for (var i = 0; i < r.Categories.Count; i++) Defined($"categories[{i}]", r.Categories[i]);
        if (r.ValidUntil is null) throw DomainException.InvalidArgument("valid_until", "is required");
        var from = r.ValidFrom?.ToDateTime() ?? nowUtc;
        if (r.ValidUntil.ToDateTime() <= from) throw DomainException.InvalidArgument("valid_until", "must be after valid_from");
        Defined("method", r.Method);
        if (r.Method == ConsentMethod.OralWithInterpreter) Language("interpreter_language", r.InterpreterLanguage);
        else if (r.InterpreterLanguage.Length > 0) throw DomainException.InvalidArgument("interpreter_language", "is only set with ORAL_WITH_INTERPRETER");
    }

    public static void Validate(WithdrawConsentRequest r)
    {
        Id("consent_id", r.ConsentId);
        if (r.ExpectedVersion <= 0) throw DomainException.InvalidArgument("expected_version", "is required (the version you last read)");
        Text("note", r.Note, required: false);
    }

    public static void Validate(CheckConsentRequest r)
    {
        Id("client_id", r.ClientId);
        Id("organization_id", r.OrganizationId);
        Defined("category", r.Category);
        Defined("purpose", r.Purpose);
        Text("resource", r.Resource, required: true);
    }

    public static void Id(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw DomainException.InvalidArgument(field, "is required");
        if (value.Length > 200 || value.Contains(',') || value.Any(char.IsControl)) throw DomainException.InvalidArgument(field, "is not a valid id");
    }

    public static void Text(string field, string value, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) throw DomainException.InvalidArgument(field, "is required");
        if (value.Length > MaxText) throw DomainException.InvalidArgument(field, $"is longer than {MaxText} characters");
    }

    private static void Transition(string referralId, long expectedVersion)
    {
        Id("referral_id", referralId);
        if (expectedVersion <= 0) throw DomainException.InvalidArgument("expected_version", "is required (the version you last read)");
    }

    private static void Language(string field, string code)
    {
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower)) throw DomainException.InvalidArgument(field, "must be an ISO 639 code such as \"uk\" or \"ar\"");
    }

    private static void Defined<TEnum>(string field, TEnum value, bool allowUnspecified = false) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value) || (!allowUnspecified && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0))
            throw DomainException.InvalidArgument(field, allowUnspecified ? "is not a known value" : "is required");
    }
}
