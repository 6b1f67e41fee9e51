using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Data;
using OneStop.Skills.Domain;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>Reading a profile: the owning organization directly, any other only under consent (audited by the ledger).</summary>
public sealed class ProfileReads(SkillsDbContext db, ConsentGate consent)
{
    public static string Resource(string clientId) => $"skills/profile/{clientId}";

    public async Task<Profile> GetAsync(CallerIdentity caller, string clientId, ServerCallContext context)
    {
        var record = await db.Profiles.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RegionAgs == caller.RegionAgs && p.ClientId == clientId, context.CancellationToken)
            ?? throw DomainException.NotFound("profile of client", clientId);
        if (record.OwnerOrganizationId != caller.OrganizationId) await consent.RequireProfileReadAsync(caller, clientId, Resource(clientId), context);
        return ProfileDocuments.Read(record);
    }

    public async Task<IReadOnlyList<ProfileVersion>> VersionsAsync(CallerIdentity caller, string clientId, CancellationToken ct)
    {
        var rows = await db.ProfileVersions.AsNoTracking()
            .Where(v => v.RegionAgs == caller.RegionAgs && v.ClientId == clientId).OrderBy(v => v.Version).ToListAsync(ct);
        if (rows.Count == 0) throw DomainException.NotFound("profile of client", clientId);
        if (rows[0].OwnerOrganizationId != caller.OrganizationId)
            throw DomainException.PermissionDenied("A profile's version history is shown to the organization that owns it only.");
        return rows.Select(v => new ProfileVersion
        {
            Version = v.Version,
            Change = v.Change,
            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(v.At, DateTimeKind.Utc)),
            ActorSubject = v.ActorSubject,
            ActorOrganizationId = v.ActorOrganizationId,
            Profile = ProfileDocuments.FromJson(v.Document),
        }).ToList();
    }
}
