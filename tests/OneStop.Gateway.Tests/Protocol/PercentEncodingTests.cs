using OneStop.Gateway.Forwarding.Protocol;

namespace OneStop.Gateway.Tests.Protocol;

public class PercentEncodingTests
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";

    [Fact]
    public void Leaves_printable_ascii_alone() => Assert.Equal("Deadline Exceeded (ok)", PercentEncoding.Encode("Deadline Exceeded (ok)"));

    [Fact]
    public void Encodes_percent_controls_and_utf8_bytes()
    {
        Assert.Equal("50%25", PercentEncoding.Encode("50%"));
        Assert.Equal("a%0Ab", PercentEncoding.Encode("a\nb"));
        Assert.Equal("%E2%98%BA", PercentEncoding.Encode("☺"));
        Assert.Equal("%F0%9F%98%88", PercentEncoding.Encode("😈"));
    }

    [Fact]
    public void Round_trips_the_interop_special_status_message()
    {
        var encoded = PercentEncoding.Encode(SpecialMessage);
        Assert.All(encoded, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.Equal(SpecialMessage, PercentEncoding.Decode(encoded));
    }

    [Theory]
    [InlineData("100%", "100%")]        // a lone percent at the end
    [InlineData("%zz", "%zz")]          // not hex
    [InlineData("%4", "%4")]            // truncated escape
    [InlineData("%41%4", "A%4")]
    [InlineData("%e2%98%ba", "☺")]      // lower-case hex
    [InlineData("", "")]
    public void Decoding_never_fails_and_keeps_malformed_escapes(string input, string expected) =>
        Assert.Equal(expected, PercentEncoding.Decode(input));

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_not_an_exception() =>
        Assert.Equal("a\uFFFDb", PercentEncoding.Decode("a%FFb"));

    [Fact]
    public void Null_decodes_to_empty() => Assert.Equal("", PercentEncoding.Decode(null));
}
