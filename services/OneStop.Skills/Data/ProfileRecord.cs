namespace OneStop.Skills.Data;

/// <summary>
/// One client's profile: the whole profile as the contract's JSON (it is read and written as one document), plus the
/// columns FindCandidates filters on (German CEFR per sub-skill, area), kept in step by every command.
/// </summary>
public sealed class ProfileRecord
{
    public long Id { get; set; }
    public string RegionAgs { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string OwnerOrganizationId { get; set; } = "";
    public string Area { get; set; } = "";
    public int GermanListening { get; set; }
    public int GermanReading { get; set; }
    public int GermanSpeaking { get; set; }
    public int GermanWriting { get; set; }
    public string Document { get; set; } = "";
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProfileOccupationRecord> Occupations { get; set; } = [];
}

/// <summary>An occupation a profile can be matched on (from a qualification, a skill or work history).</summary>
public sealed class ProfileOccupationRecord
{
    public long Id { get; set; }
    public long ProfileId { get; set; }
    public string RegionAgs { get; set; } = "";
    public string KldbCode { get; set; } = "";
    /// <summary>False while a regulated occupation lacks full recognition: such a profile is no candidate when recognition is needed.</summary>
    public bool MayWork { get; set; }
    /// <summary>The matched fact in the counsellor's words, e.g. "81302: qualification DQR 6, full equivalence".</summary>
    public string Fact { get; set; } = "";
}

/// <summary>
/// One version of a profile, written in the same transaction as the change: who changed what, when, and the profile
/// after it. Its id is the global change sequence WatchProfiles resumes from.
/// </summary>
public sealed class ProfileVersionRecord
{
    public long Sequence { get; set; }
    public string RegionAgs { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string OwnerOrganizationId { get; set; } = "";
    public long Version { get; set; }
    public string Change { get; set; } = "";
    public DateTime At { get; set; }
    public string ActorSubject { get; set; } = "";
    public string ActorOrganizationId { get; set; } = "";
    public string Document { get; set; } = "";
}
