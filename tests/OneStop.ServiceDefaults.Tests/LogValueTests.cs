using OneStop.ServiceDefaults.Logging;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>Client-supplied values in log lines: cut to a safe length, control characters escaped.</summary>
public sealed class LogValueTests
{
    [Fact]
    public void A_long_value_is_cut_with_its_length_noted()
    {
        var safe = LogValue.Safe(new string('x', 5000));
        Assert.Equal(new string('x', LogValue.MaxLength) + "…(5000 chars)", safe);
    }

    [Theory]
    [InlineData("svc-a\nINFO forged line", "svc-a\\nINFO forged line")]
    [InlineData("a\r\nb\tc", "a\\r\\nb\\tc")]
    [InlineData("nul\0esc\u001b", "nul\\u0000esc\\u001b")]
    [InlineData("bidi\u202Eevil", "bidi\\u202eevil")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("دورة لغة", "دورة لغة")]
    [InlineData(null, "(null)")]
    public void Control_characters_are_escaped_and_text_kept(string? value, string expected)
    {
        Assert.Equal(expected, LogValue.Safe(value));
    }
}
