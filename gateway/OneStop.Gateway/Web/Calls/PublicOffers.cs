using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// What an anonymous visitor may book: the slot and booking reference the page itself offered, sealed with data
/// protection (integrity, service binding and a 30-minute expiry), so a POST cannot name a slot of its own choosing
/// or a reference it made up.
/// </summary>
public sealed class PublicOffers(IDataProtectionProvider provider, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("OneStop.Gateway.PublicOffer.v1").ToTimeLimitedDataProtector();

    public string Seal(string serviceId, string reference, string encodedSlot) =>
        _protector.Protect($"{serviceId}\n{reference}\n{encodedSlot}", clock.GetUtcNow() + Lifetime);

    /// <summary>The reference and slot of an offer this gateway made for <paramref name="serviceId"/>, or null.</summary>
    public (string Reference, string EncodedSlot)? Open(string serviceId, string? sealedOffer)
    {
        if (string.IsNullOrEmpty(sealedOffer)) return null;
        try
        {
            var parts = _protector.Unprotect(sealedOffer, out var expires).Split('\n');
            if (parts.Length != 3 || parts[0] != serviceId || expires < clock.GetUtcNow()) return null;
            return (parts[1], parts[2]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // forged, altered or expired
        }
    }
}
