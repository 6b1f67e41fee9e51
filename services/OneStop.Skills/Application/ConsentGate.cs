using Grpc.Core;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Domain;

namespace OneStop.Skills.Application;

/// <summary>
/// Reads by another organization go through the referrals service's consent ledger. CheckConsent decides and writes
/// the audit entry itself (allowed or refused, in the same transaction as the decision), so a read here is never
/// unaudited and this service keeps no second audit log. The caller's token is passed on unchanged: the ledger
/// records who read, and scopes the decision to the caller's region.
/// </summary>
public sealed class ConsentGate(ConsentService.ConsentServiceClient consents)
{
    /// <summary>Skills are "qualifications" in the ledger's categories (school, vocational, academic, recognition).</summary>
    public const DataCategory SkillsCategory = DataCategory.Qualifications;

    public async Task RequireProfileReadAsync(CallerIdentity caller, string clientId, string resource, ServerCallContext context)
    {
        if (!await AllowsAsync(caller, clientId, ConsentPurpose.SkillsProfile, resource, context))
            throw DomainException.PermissionDenied($"No consent lets organization \"{caller.OrganizationId}\" read this client's skills profile; the refusal is audited.");
    }

    public async Task<bool> AllowsAsync(CallerIdentity caller, string clientId, ConsentPurpose purpose, string resource, ServerCallContext context)
    {
        var reply = await consents.CheckConsentAsync(new CheckConsentRequest
        {
            ClientId = clientId,
            OrganizationId = caller.OrganizationId,
            Category = SkillsCategory,
            Purpose = purpose,
            Resource = resource,
        }, Forwarded(context), cancellationToken: context.CancellationToken);
        return reply.Allowed;
    }

    private static Metadata Forwarded(ServerCallContext context)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue("authorization") is { } authorization) headers.Add("authorization", authorization);
        return headers;
    }
}
