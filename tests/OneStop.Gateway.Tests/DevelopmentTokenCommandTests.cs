using Microsoft.IdentityModel.JsonWebTokens;
using OneStop.Gateway;

namespace OneStop.Gateway.Tests;

/// <summary>`./onestop token`: what it prints, and what it refuses.</summary>
public sealed class DevelopmentTokenCommandTests
{
    [Fact]
    public void Prints_a_token_with_the_requested_claims()
    {
        var output = new StringWriter();
        var exit = DevelopmentTokenCommand.Run(["token", "--role", "frontdesk", "--role", "counsellor", "--org", "org-jc-lippe", "--scope", "directory.read"],
            output, new StringWriter());

        Assert.Equal(0, exit);
        var token = new JsonWebToken(output.ToString().Trim());
        Assert.Equal("org-jc-lippe", token.GetClaim("org").Value);
        Assert.Equal(DevelopmentTokenCommand.DefaultRegion, token.GetClaim("region").Value);
        Assert.Equal(["frontdesk", "counsellor"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal("directory.read", token.GetClaim("scope").Value);
        Assert.True(token.ValidTo > DateTime.UtcNow.AddHours(7));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("token", "--role", "janitor")]
    [InlineData("token", "--role")]
    [InlineData("token", "--role", "frontdesk", "--hours", "-1")]
    [InlineData("token", "--colour", "blue")]
    public void Refuses_bad_arguments_with_the_usage(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = DevelopmentTokenCommand.Run(args, output, error);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("usage: token", error.ToString(), StringComparison.Ordinal);
    }
}
