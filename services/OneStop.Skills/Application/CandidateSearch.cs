using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Identity;
using OneStop.Skills.Data;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>
/// FindCandidates: the database narrows the region's profiles by occupation, German level, recognition and area;
/// then each hit is checked against the consent ledger for purpose EMPLOYER_MATCHING (every check audited) until
/// enough candidates are found. At most <see cref="ChecksPerResult"/> checks per wanted result keep one search
/// bounded; the answer may then hold fewer candidates than asked for.
/// </summary>
public sealed class CandidateSearch(SkillsDbContext db, ConsentGate consent, PseudonymKey key)
{
    public const int ChecksPerResult = 4;

    public async Task<FindCandidatesResponse> FindAsync(CallerIdentity caller, FindCandidatesRequest request, ServerCallContext context)
    {
        var wanted = request.MaxResults == 0 ? 20 : request.MaxResults;
        var codes = request.KldbCodes.Distinct().ToList();
        int listening = (int)request.MinListening, reading = (int)request.MinReading, speaking = (int)request.MinSpeaking, writing = (int)request.MinWriting;

        var occupations = db.ProfileOccupations.AsNoTracking().Where(o => o.RegionAgs == caller.RegionAgs && codes.Contains(o.KldbCode));
        if (request.RecognitionNeeded) occupations = occupations.Where(o => o.MayWork);
        var profiles = db.Profiles.AsNoTracking().Where(p => p.RegionAgs == caller.RegionAgs
            && p.GermanListening >= listening && p.GermanReading >= reading && p.GermanSpeaking >= speaking && p.GermanWriting >= writing);
        if (request.Area.Length > 0) profiles = profiles.Where(p => p.Area.StartsWith(request.Area));
        var hits = await profiles
            .Where(p => occupations.Any(o => o.ProfileId == p.Id))
            .OrderBy(p => p.Id)
            .Take(wanted * ChecksPerResult)
            .Select(p => new { p.Id, p.ClientId, p.GermanListening, p.GermanReading, p.GermanSpeaking, p.GermanWriting })
            .ToListAsync(context.CancellationToken);

        var response = new FindCandidatesResponse();
        foreach (var hit in hits)
        {
            if (response.Candidates.Count == wanted) break;
            if (!await consent.AllowsAsync(caller, hit.ClientId, ConsentPurpose.EmployerMatching, $"skills/candidate/{hit.ClientId}", context)) continue;
            var candidate = new Candidate { Pseudonym = key.For(caller.OrganizationId, caller.RegionAgs, hit.ClientId) };
            var facts = await occupations.Where(o => o.ProfileId == hit.Id).OrderBy(o => o.KldbCode).Select(o => o.Fact).ToListAsync(context.CancellationToken);
            candidate.MatchedFacts.AddRange(facts);
            if (listening + reading + speaking + writing > 0)
                candidate.MatchedFacts.Add($"German: listening {(Cefr)hit.GermanListening}, reading {(Cefr)hit.GermanReading}, speaking {(Cefr)hit.GermanSpeaking}, writing {(Cefr)hit.GermanWriting}");
            response.Candidates.Add(candidate);
        }
        return response;
    }
}

/// <summary>
/// Candidates are shown under a pseudonym that is stable for one searching organization and differs between
/// organizations (so two employer services cannot join their lists), derived with HMAC-SHA256 from a secret.
/// </summary>
public sealed class PseudonymKey(byte[] secret)
{
    public const string ConfigurationKey = "OneStop:Skills:PseudonymSecret";

    public string For(string organizationId, string regionAgs, string clientId)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{regionAgs}\n{organizationId}\n{clientId}"));
        return "cand-" + Convert.ToHexStringLower(mac.AsSpan(0, 10));
    }
}
