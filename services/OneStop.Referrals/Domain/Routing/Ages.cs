namespace OneStop.Referrals.Domain.Routing;

/// <summary>Age in full years on a calendar date (the caller passes today's Europe/Berlin date).</summary>
public static class Ages
{
    /// <summary>
    /// Full years from <paramref name="birthDate"/> to <paramref name="today"/>. A year is complete on the birthday;
    /// someone born on 29 February completes it on 1 March in a common year (the birthday has not yet come on 28 February).
    /// </summary>
    public static int On(DateOnly birthDate, DateOnly today)
    {
        var years = today.Year - birthDate.Year;
        if ((today.Month, today.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0) years--;
        return years;
    }
}
