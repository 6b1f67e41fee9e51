using Microsoft.IdentityModel.JsonWebTokens;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.ServiceDefaults.Tests;

public sealed class DevelopmentTokensTests
{
    [Fact]
    public void Token_carries_the_claims_issuer_audience_and_lifetime()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var jwt = new JsonWebToken(DevelopmentTokens.Create("s", "org-1", "05314", ["frontdesk", "region-admin"], TimeSpan.FromMinutes(10)));

        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("s", jwt.Subject);
        Assert.Equal("org-1", jwt.GetClaim("org").Value);
        Assert.Equal("05314", jwt.GetClaim("region").Value);
        Assert.Equal(["frontdesk", "region-admin"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal(OneStopAuthOptions.DefaultIssuer, jwt.Issuer);
        Assert.Equal([OneStopAuthOptions.DefaultAudience], jwt.Audiences);
        Assert.InRange(jwt.ValidTo, before.AddMinutes(10), DateTime.UtcNow.AddMinutes(10).AddSeconds(1));
    }

    [Fact]
    public void Signing_key_cannot_be_altered_through_the_property()
    {
        DevelopmentTokens.SigningKey[0] ^= 0xff;
        Assert.Equal(Convert.FromBase64String(DevelopmentTokens.SigningKeyBase64), DevelopmentTokens.SigningKey);
        Assert.True(DevelopmentTokens.SigningKey.Length >= 32, "HS256 needs at least 256 bits");
    }
}
