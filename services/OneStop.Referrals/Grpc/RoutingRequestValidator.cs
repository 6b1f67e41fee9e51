using System.Text.RegularExpressions;
using Grpc.Core;
using OneStop.Directory.V1;
using OneStop.Referrals.Domain.Routing;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Grpc;

/// <summary>
/// Checks routing requests and turns their facts into <see cref="ClientFacts"/>. Every refusal is INVALID_ARGUMENT
/// naming the field, e.g. <c>household.persons[1].facts.birth_date</c>.
/// </summary>
public static partial class RoutingRequestValidator
{
    public const int MaxReasonLength = 500;
    public const int MaxRefLength = 100;
    public const int MaxLanguages = 10;
    public const int MaxPersons = 20;
    public const int MaxAge = 120;

    public static (ClientFacts Client, Topic Need) Validate(SuggestReceiversRequest request, string regionAgs, DateOnly today)
    {
        if (request.Client is null) throw Invalid("client", "is required.");
        RequireMunicipality(request.Client.MunicipalityAgs, "client.municipality_ags", regionAgs);
        var client = Facts(request.Client, "client", request.Client.MunicipalityAgs, today) with
        {
            Under27Reason = Reason(request.Under27Reason, "under_27_reason"),
        };
        if (request.Need == Topic.Unspecified || !Enum.IsDefined(request.Need)) throw Invalid("need", "must be a directory topic.");
        Language(request.ResponseLanguage, "response_language", required: false);
        return (client, request.Need);
    }

    public static (IReadOnlyList<(ClientFacts Facts, IntakeRole Role)> Members, IReadOnlyList<IntakeChecklistItem> Items) Validate(
        PlanFamilyIntakeRequest request, string regionAgs, DateOnly today)
    {
        var household = request.Household ?? throw Invalid("household", "is required.");
        if (household.HouseholdRef.Length > MaxRefLength) throw Invalid("household.household_ref", $"is longer than {MaxRefLength} characters.");
        RequireMunicipality(household.MunicipalityAgs, "household.municipality_ags", regionAgs);
        if (household.Persons.Count == 0) throw Invalid("household.persons", "needs at least one person.");
        if (household.Persons.Count > MaxPersons) throw Invalid("household.persons", $"has more than {MaxPersons} persons.");

        var members = new List<(ClientFacts, IntakeRole)>();
        var refs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < household.Persons.Count; i++)
        {
            var person = household.Persons[i];
            var field = $"household.persons[{i}]";
            if (person.Facts is null) throw Invalid($"{field}.facts", "is required.");
            if (person.Facts.ClientRef.Length == 0) throw Invalid($"{field}.facts.client_ref", "is required: a pseudonymous id for the person.");
            if (!refs.Add(person.Facts.ClientRef)) throw Invalid($"{field}.facts.client_ref", $"'{person.Facts.ClientRef}' appears twice in the household.");
            if (person.Role == IntakeRole.Unspecified || !Enum.IsDefined(person.Role)) throw Invalid($"{field}.role", "is required.");
            var municipality = person.Facts.MunicipalityAgs;
            if (municipality.Length > 0) RequireMunicipality(municipality, $"{field}.facts.municipality_ags", regionAgs);
            else municipality = household.MunicipalityAgs;
            var facts = Facts(person.Facts, $"{field}.facts", municipality, today) with
            {
                Under27Reason = Reason(person.Under27Reason, $"{field}.under_27_reason"),
            };
            members.Add((facts, person.Role));
        }
        var mainApplicants = members.Count(m => m.Item2 == IntakeRole.MainApplicant);
        if (mainApplicants != 1) throw Invalid("household.persons", $"needs exactly one person with role INTAKE_ROLE_MAIN_APPLICANT, found {mainApplicants}.");

        for (var i = 0; i < request.Items.Count; i++)
        {
            if (request.Items[i] == IntakeChecklistItem.Unspecified || !Enum.IsDefined(request.Items[i]))
                throw Invalid($"items[{i}]", "must be a checklist item.");
        }
        Language(request.ResponseLanguage, "response_language", required: false);
        return (members, [.. request.Items.Distinct()]);
    }

    private static ClientFacts Facts(RoutingClientFacts facts, string field, string municipalityAgs, DateOnly today)
    {
        if (facts.ClientRef.Length > MaxRefLength) throw Invalid($"{field}.client_ref", $"is longer than {MaxRefLength} characters.");
        var age = facts.AgeOrBirthDateCase switch
        {
            RoutingClientFacts.AgeOrBirthDateOneofCase.Age when facts.Age is < 0 or > MaxAge =>
                throw Invalid($"{field}.age", $"must be between 0 and {MaxAge}."),
            RoutingClientFacts.AgeOrBirthDateOneofCase.Age => facts.Age,
            RoutingClientFacts.AgeOrBirthDateOneofCase.BirthDate => AgeFrom(facts.BirthDate, $"{field}.birth_date", today),
            _ => throw Invalid($"{field}.age", $"or {field}.birth_date is required."),
        };
        if (!Enum.IsDefined(facts.ResidenceStatus)) throw Invalid($"{field}.residence_status", "is not a residence status.");
        if (!Enum.IsDefined(facts.LegalRegime)) throw Invalid($"{field}.legal_regime", "is not a legal regime.");
        if (!Enum.IsDefined(facts.ForeignQualification)) throw Invalid($"{field}.foreign_qualification", "is not a qualification kind.");
        if (facts.Languages.Count > MaxLanguages) throw Invalid($"{field}.languages", $"has more than {MaxLanguages} languages.");
        for (var i = 0; i < facts.Languages.Count; i++) Language(facts.Languages[i], $"{field}.languages[{i}]", required: true);

        return new ClientFacts(facts.ClientRef, age, municipalityAgs)
        {
            ResidenceStatus = facts.ResidenceStatus,
            LegalRegime = facts.LegalRegime,
            Languages = [.. facts.Languages.Distinct()],
            ChildrenUnder6 = facts.ChildrenUnder6,
            ForeignQualification = facts.ForeignQualification,
            SkilledImmigration = facts.SkilledImmigration,
        };
    }

    private static int AgeFrom(Date date, string field, DateOnly today)
    {
        if (date is null || !DateOnly.TryParseExact($"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}", "yyyy-MM-dd", out var birth))
            throw Invalid(field, "is not a valid date.");
        if (birth > today) throw Invalid(field, $"lies in the future (today is {today:yyyy-MM-dd} in Berlin).");
        var age = Ages.On(birth, today);
        if (age > MaxAge) throw Invalid(field, $"means an age over {MaxAge}.");
        return age;
    }

    private static void RequireMunicipality(string ags, string field, string regionAgs)
    {
        if (ags.Length == 0) throw Invalid(field, "is required.");
        if (!GemeindeAgs().IsMatch(ags)) throw Invalid(field, "must be an 8-digit Gemeinde AGS.");
        if (!ags.StartsWith(regionAgs, StringComparison.Ordinal)) throw Invalid(field, $"'{ags}' lies outside the caller's region {regionAgs}.");
    }

    private static string Reason(string reason, string field) =>
        reason.Length > MaxReasonLength ? throw Invalid(field, $"is longer than {MaxReasonLength} characters.") : reason.Trim();

    private static void Language(string code, string field, bool required)
    {
        if (code.Length == 0 && !required) return;
        if (!LanguageCode().IsMatch(code)) throw Invalid(field, $"'{code}' is not an ISO 639 code (2 or 3 lower-case letters).");
    }

    private static RpcException Invalid(string field, string message) => new(new Status(StatusCode.InvalidArgument, $"{field} {message}"));

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex GemeindeAgs();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
