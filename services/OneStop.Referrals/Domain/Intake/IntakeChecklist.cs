using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Intake;

/// <summary>Who in a household a checklist item is for.</summary>
public enum ChecklistScope
{
    /// <summary>Once for the household, planned with the main applicant.</summary>
    Household,
    /// <summary>Each person aged 18 or older.</summary>
    EachAdult,
    /// <summary>Each person aged 12 or older (the JMD's lower bound; younger children learn German at school).</summary>
    EachFromTwelve,
    /// <summary>Each child under 6.</summary>
    EachChildUnderSix,
    /// <summary>Each adult whose status is not already permanent (settlement permit, EU, German).</summary>
    EachAdultWithoutPermanentStatus,
}

/// <summary>One item of the newly arrived skilled worker's family checklist: the need it routes and whom it is for.</summary>
public sealed record ChecklistEntry(IntakeChecklistItem Item, Topic Need, ChecklistScope Scope, string AppliesBecause);

/// <summary>
/// The family integration checklist (NAP-I, Themenforum Arbeitsmarkt, Kernvorhaben 5): housing, health
/// insurance, language, childcare, a bank account, family reunification and the permanent residence title. The
/// topics and scopes are this service's reading of it (docs/referrals.md).
/// </summary>
public static class IntakeChecklist
{
    public static IReadOnlyList<ChecklistEntry> All { get; } =
    [
        new(IntakeChecklistItem.Housing, Topic.Wohnen, ChecklistScope.Household, "once per household: the main applicant"),
        new(IntakeChecklistItem.HealthInsurance, Topic.Gesundheit, ChecklistScope.EachAdult, "each adult (children are insured through a parent)"),
        new(IntakeChecklistItem.LanguageCourse, Topic.Sprache, ChecklistScope.EachFromTwelve, "each person from 12"),
        new(IntakeChecklistItem.Childcare, Topic.FamilieKinderbetreuung, ChecklistScope.EachChildUnderSix, "each child under 6"),
        new(IntakeChecklistItem.BankAccount, Topic.AllgemeineBeratung, ChecklistScope.Household, "once per household: the main applicant"),
        new(IntakeChecklistItem.FamilyReunification, Topic.Aufenthalt, ChecklistScope.Household, "once per household: the main applicant"),
        new(IntakeChecklistItem.PermanentResidence, Topic.Aufenthalt, ChecklistScope.EachAdultWithoutPermanentStatus,
            "each adult without a settlement permit or EU status"),
    ];

    public static bool AppliesTo(ChecklistScope scope, int age, bool isMainApplicant, ResidenceStatus status) => scope switch
    {
        ChecklistScope.Household => isMainApplicant,
        ChecklistScope.EachAdult => age >= 18,
        ChecklistScope.EachFromTwelve => age >= 12,
        ChecklistScope.EachChildUnderSix => age < 6,
        ChecklistScope.EachAdultWithoutPermanentStatus => age >= 18 && status is not (ResidenceStatus.SettlementPermit
            or ResidenceStatus.EuFreedomOfMovement or ResidenceStatus.GermanCitizen),
        _ => false,
    };
}
