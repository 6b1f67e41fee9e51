using OneStop.Referrals.Domain.Routing;

namespace OneStop.Referrals.Tests.Routing;

public sealed class AgesTests
{
    [Theory]
    [InlineData("2000-06-15", "2026-06-14", 25)]
    [InlineData("2000-06-15", "2026-06-15", 26)]
    [InlineData("1999-12-08", "2026-12-07", 26)] // the day before the 27th birthday: still JMD age
    [InlineData("1999-12-08", "2026-12-08", 27)]
    [InlineData("2004-02-29", "2027-02-28", 22)] // a 29 February birthday completes the year on 1 March in a common year
    [InlineData("2004-02-29", "2027-03-01", 23)]
    [InlineData("2004-02-29", "2028-02-29", 24)]
    public void Full_years_change_on_the_birthday(string birth, string today, int expected) =>
        Assert.Equal(expected, Ages.On(DateOnly.Parse(birth), DateOnly.Parse(today)));
}
