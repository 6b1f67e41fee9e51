namespace OneStop.Appointments.Tests.Domain;

/// <summary>Short ways to write the instants the tests talk about.</summary>
internal static class Instants
{
    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A Berlin wall-clock time with its offset spelled out by the test (so the test, not the code under test, knows DST).</summary>
    public static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours)).ToUniversalTime();
}
