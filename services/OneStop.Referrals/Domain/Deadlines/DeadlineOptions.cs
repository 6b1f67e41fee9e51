namespace OneStop.Referrals.Domain.Deadlines;

/// <summary>Answer times in working days, per urgency.</summary>
public sealed class AnswerTimes
{
    public int Routine { get; set; } = 10;
    public int Urgent { get; set; } = 3;
    public int Asap { get; set; } = 1;
}

/// <summary>
/// "OneStop:Referrals:Deadlines": how many working days a receiving service has to answer (accept or reject), by
/// default and per directory service id, and how many more working days an overdue referral stays open before it
/// expires to failed with the outcome "no answer".
/// </summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "OneStop:Referrals:Deadlines";

    public AnswerTimes Default { get; set; } = new();

    /// <summary>Per receiving directory service id; a service not listed uses <see cref="Default"/>.</summary>
    public Dictionary<string, AnswerTimes> Services { get; set; } = [];

    /// <summary>Working days after the due date until an unanswered referral fails with "no answer".</summary>
    public int ExpiryWorkingDays { get; set; } = 10;

    /// <summary>How often the deadline job looks for overdue and expired referrals; zero: never (tests tick it themselves).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
