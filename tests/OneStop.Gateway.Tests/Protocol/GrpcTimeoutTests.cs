using OneStop.Gateway.Forwarding.Protocol;

namespace OneStop.Gateway.Tests.Protocol;

public class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000.0)]
    [InlineData("2M", 120_000.0)]
    [InlineData("30S", 30_000.0)]
    [InlineData("250m", 250.0)]
    [InlineData("1500u", 1.5)]
    [InlineData("2000000n", 2.0)]
    [InlineData("99999999m", 99_999_999.0)]
    [InlineData("0m", 0.0)]
    public void Parses_every_unit(string text, double expectedMilliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(expectedMilliseconds, timeout.TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("10")]
    [InlineData("abc")]
    [InlineData("-5S")]
    [InlineData("5s")]
    [InlineData("5 S")]
    [InlineData("123456789S")] // nine digits: the spec allows at most eight
    [InlineData("1.5S")]
    public void Rejects_malformed_values(string text) => Assert.False(GrpcTimeout.TryParse(text, out _));

    [Fact]
    public void Rejects_null() => Assert.False(GrpcTimeout.TryParse(null, out _));

    [Theory]
    [InlineData(0.5, "500000n")]
    [InlineData(250, "250000u")]
    [InlineData(30_000, "30000000u")]
    [InlineData(3_600_000, "3600000m")]
    public void Formats_with_the_finest_unit_that_fits(double milliseconds, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Formats_huge_timeouts_in_eight_digits_and_round_trips_without_shortening()
    {
        foreach (var timeout in new[] { TimeSpan.FromDays(3), TimeSpan.FromDays(20_000), TimeSpan.FromMilliseconds(123_456.789), TimeSpan.FromTicks(1) })
        {
            var text = GrpcTimeout.Format(timeout);
            Assert.InRange(text.Length, 2, 9);
            Assert.True(GrpcTimeout.TryParse(text, out var parsed), text);
            Assert.True(parsed >= timeout || parsed == TimeSpan.FromHours(99_999_999), $"{text} shortened {timeout}");
        }
    }

    [Fact]
    public void Negative_timeouts_format_as_zero() => Assert.Equal("0n", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
}
