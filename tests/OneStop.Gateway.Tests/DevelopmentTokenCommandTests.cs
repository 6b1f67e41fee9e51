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

    [Fact]
    public void A_scope_only_token_belongs_to_no_organization_unless_one_is_given()
    {
        var output = new StringWriter();
        Assert.Equal(0, DevelopmentTokenCommand.Run(["token", "--scope", "directory.read", "--sub", "partner-1"], output, new StringWriter()));
        var scopeOnly = new JsonWebToken(output.ToString().Trim());

        var named = new StringWriter();
        Assert.Equal(0, DevelopmentTokenCommand.Run(["token", "--scope", "directory.read", "--org", "org-partner"], named, new StringWriter()));
        var role = new StringWriter();
        Assert.Equal(0, DevelopmentTokenCommand.Run(["token", "--role", "agency-system"], role, new StringWriter()));

        Assert.Equal("", scopeOnly.GetClaim("org").Value);
        Assert.Equal("org-partner", new JsonWebToken(named.ToString().Trim()).GetClaim("org").Value);
        Assert.Equal(DevelopmentTokenCommand.DefaultOrganization, new JsonWebToken(role.ToString().Trim()).GetClaim("org").Value);
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
