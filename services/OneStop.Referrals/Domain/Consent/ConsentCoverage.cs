using OneStop.Referrals.V1;

namespace OneStop.Referrals.Domain.Consent;

/// <summary>What a consent record says, as far as deciding a read goes.</summary>
public sealed record ConsentTerms(
    string Id,
    string ClientId,
    ConsentPurpose Purpose,
    IReadOnlyCollection<string> Recipients,
    IReadOnlyCollection<DataCategory> Categories,
    DateTime ValidFromUtc,
    DateTime ValidUntilUtc,
    DateTime? WithdrawnAtUtc);

/// <summary>
/// When a consent lets an organization read a client's data: same client and purpose, the organization among the
/// recipients, every requested category covered, <c>valid_from ≤ now &lt; valid_until</c>, and not withdrawn
/// (a withdrawal takes effect at once, whatever its time stamp).
/// </summary>
public static class ConsentCoverage
{
    public static bool Covers(ConsentTerms consent, string clientId, string organizationId, ConsentPurpose purpose,
        IEnumerable<DataCategory> categories, DateTime nowUtc) =>
        consent.WithdrawnAtUtc is null
        && consent.ClientId == clientId
        && consent.Purpose == purpose
        && consent.Recipients.Contains(organizationId)
        && consent.ValidFromUtc <= nowUtc && nowUtc < consent.ValidUntilUtc
        && categories.All(consent.Categories.Contains);

    /// <summary>The covering consent that lasts longest, or null.</summary>
    public static ConsentTerms? Best(IEnumerable<ConsentTerms> consents, string clientId, string organizationId, ConsentPurpose purpose,
        IReadOnlyCollection<DataCategory> categories, DateTime nowUtc) =>
        consents.Where(c => Covers(c, clientId, organizationId, purpose, categories, nowUtc))
            .OrderByDescending(c => c.ValidUntilUtc).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
}
