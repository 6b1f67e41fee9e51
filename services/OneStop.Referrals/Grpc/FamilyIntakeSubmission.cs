using OneStop.Referrals.Domain;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Grpc;

/// <summary>
/// Turns a planned family intake into what the referral commands take: one sent referral per person and need (the
/// counsellor's choice, else the first suggestion outside the caller's organization) and one REFERRAL consent per
/// person for exactly the organizations that person is referred to. Every check happens here, before anything is
/// written, and names the request field.
/// </summary>
public static class FamilyIntakeSubmission
{
    public sealed record Result(
        IReadOnlyList<RecordConsentRequest> Consents,
        IReadOnlyList<(CreateReferralRequest Request, string ServiceField)> Referrals,
        IReadOnlyList<IntakeNeed> Unrouted);

    public static Result Build(SubmitFamilyIntakeRequest request, PlanFamilyIntakeResponse plan, string callerOrganizationId, DateTime nowUtc)
    {
        var persons = request.Household.Persons.ToDictionary(p => p.Facts.ClientRef, StringComparer.Ordinal);
        var choices = Choices(request, plan, persons.Keys);
        var consents = Consents(request, persons.Keys, nowUtc);
        Defined("urgency", request.Urgency);

        var referrals = new List<(CreateReferralRequest, string)>();
        var unrouted = new List<IntakeNeed>();
        var recipients = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var need in plan.Needs)
        {
            SuggestedReceiver? receiver;
            string serviceField;
            if (choices.TryGetValue((need.ClientRef, need.Item), out var chosen))
            {
                receiver = need.Suggestions.Single(s => s.ServiceId == chosen.Choice.ServiceId);
                serviceField = $"choices[{chosen.Index}].service_id";
            }
            else
            {
                // The caller's own organization cannot be a referral's receiver, so its services are passed over.
                receiver = need.Suggestions.FirstOrDefault(s => s.OrganizationId != callerOrganizationId);
                serviceField = $"household.persons[{request.Household.Persons.IndexOf(persons[need.ClientRef])}]";
            }
            if (receiver is null)
            {
                unrouted.Add(need);
                continue;
            }
            if (!consents.TryGetValue(need.ClientRef, out var consent))
                throw DomainException.InvalidArgument("consents", $"has no consent for person '{need.ClientRef}', who is referred to {receiver.OrganizationId}.");
            var person = persons[need.ClientRef];
            var categories = consent.Request.Categories;
            var languages = person.Facts.Languages;
            var referral = new CreateReferralRequest
            {
                ClientId = need.ClientRef,
                ReceiverServiceId = receiver.ServiceId,
                Reason = Reason(need, receiver),
                Needs = { need.Need },
                InterpreterNeeded = receiver.InterpreterNeeded && languages.Count > 0,
                InterpreterLanguage = receiver.InterpreterNeeded && languages.Count > 0 ? languages[0] : "",
                Urgency = request.Urgency,
                SharedCategories = { categories },
                Submit = true,
            };
            if (categories.Contains(DataCategory.Languages)) referral.Languages.Add(languages);
            else if (referral.InterpreterNeeded)
                throw DomainException.InvalidArgument($"consents[{consent.Index}].categories",
                    $"must contain LANGUAGES: person '{need.ClientRef}' needs an interpreter at {receiver.OrganizationId}.");
            RequestValidator.Validate(referral);
            referrals.Add((referral, serviceField));
            var list = recipients.TryGetValue(need.ClientRef, out var l) ? l : recipients[need.ClientRef] = [];
            if (!list.Contains(receiver.OrganizationId)) list.Add(receiver.OrganizationId);
        }

        var records = new List<RecordConsentRequest>();
        foreach (var (clientRef, organizations) in recipients)
        {
            var consent = consents[clientRef].Request;
            consent.RecipientOrganizationIds.Add(organizations);
            records.Add(consent);
        }
        return new Result(records, referrals, unrouted);
    }

    private static string Reason(IntakeNeed need, SuggestedReceiver receiver)
    {
        var rules = string.Join("; ", receiver.Rules.Select(r => r.RuleId));
        return $"Family intake: {need.Item} ({need.AppliesBecause}); rules: {(rules.Length > 0 ? rules : "topic and area fit")}";
    }

    private static Dictionary<(string, IntakeChecklistItem), (IntakeChoice Choice, int Index)> Choices(
        SubmitFamilyIntakeRequest request, PlanFamilyIntakeResponse plan, ICollection<string> persons)
    {
        var choices = new Dictionary<(string, IntakeChecklistItem), (IntakeChoice, int)>();
        for (var i = 0; i < request.Choices.Count; i++)
        {
            var choice = request.Choices[i];
            var field = $"choices[{i}]";
            if (!persons.Contains(choice.ClientRef)) throw DomainException.InvalidArgument($"{field}.client_ref", $"'{choice.ClientRef}' is not a person of the household.");
            var need = plan.Needs.FirstOrDefault(n => n.ClientRef == choice.ClientRef && n.Item == choice.Item)
                ?? throw DomainException.InvalidArgument($"{field}.item", $"{choice.Item} is not planned for person '{choice.ClientRef}'.");
            if (need.Suggestions.All(s => s.ServiceId != choice.ServiceId))
                throw DomainException.InvalidArgument($"{field}.service_id", $"'{choice.ServiceId}' is not among the suggestions for this person and item.");
            if (!choices.TryAdd((choice.ClientRef, choice.Item), (choice, i)))
                throw DomainException.InvalidArgument(field, "chooses a second receiver for the same person and item.");
        }
        return choices;
    }

    private static Dictionary<string, (RecordConsentRequest Request, int Index)> Consents(SubmitFamilyIntakeRequest request,
        ICollection<string> persons, DateTime nowUtc)
    {
        var consents = new Dictionary<string, (RecordConsentRequest, int)>(StringComparer.Ordinal);
        for (var i = 0; i < request.Consents.Count; i++)
        {
            var consent = request.Consents[i];
            var field = $"consents[{i}]";
            if (!persons.Contains(consent.ClientRef)) throw DomainException.InvalidArgument($"{field}.client_ref", $"'{consent.ClientRef}' is not a person of the household.");
            if (consent.Categories.Count == 0) throw DomainException.InvalidArgument($"{field}.categories", "at least NEEDS is required.");
            for (var c = 0; c < consent.Categories.Count; c++) Defined($"{field}.categories[{c}]", consent.Categories[c]);
            if (!consent.Categories.Contains(DataCategory.Needs)) throw DomainException.InvalidArgument($"{field}.categories", "must contain NEEDS (every referral carries its needs).");
            if (consent.Categories.Contains(DataCategory.CaseNotes)) throw DomainException.InvalidArgument($"{field}.categories", "must not contain CASE_NOTES: an intake referral has no note.");
            if (consent.ValidUntil is null) throw DomainException.InvalidArgument($"{field}.valid_until", "is required.");
            if (consent.ValidUntil.ToDateTime() <= nowUtc) throw DomainException.InvalidArgument($"{field}.valid_until", "must be in the future.");
            if (consent.Method == ConsentMethod.Unspecified || !System.Enum.IsDefined(consent.Method)) throw DomainException.InvalidArgument($"{field}.method", "is required.");
            var record = new RecordConsentRequest
            {
                ClientId = consent.ClientRef,
                Purpose = ConsentPurpose.Referral,
                Categories = { consent.Categories.Distinct() },
                ValidUntil = consent.ValidUntil,
                Method = consent.Method,
                InterpreterLanguage = consent.InterpreterLanguage,
            };
            // The ledger's own checks (interpreter language with ORAL_WITH_INTERPRETER), named for this entry.
            if (consent.Method == ConsentMethod.OralWithInterpreter ? consent.InterpreterLanguage.Length == 0 : consent.InterpreterLanguage.Length > 0)
                throw DomainException.InvalidArgument($"{field}.interpreter_language", "is set exactly with CONSENT_METHOD_ORAL_WITH_INTERPRETER.");
            if (!consents.TryAdd(consent.ClientRef, (record, i)))
                throw DomainException.InvalidArgument($"{field}.client_ref", $"'{consent.ClientRef}' has a consent already.");
        }
        return consents;
    }

    private static void Defined<T>(string field, T value) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value)) throw DomainException.InvalidArgument(field, "is not a known value.");
    }
}
