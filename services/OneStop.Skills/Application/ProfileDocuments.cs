using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using OneStop.Skills.Data;
using OneStop.Skills.V1;

namespace OneStop.Skills.Application;

/// <summary>A profile is stored as the contract's JSON: one document per profile and per version.</summary>
public static class ProfileDocuments
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string ToJson(Profile profile) => Formatter.Format(profile);

    public static Profile FromJson(string json) => Parser.Parse<Profile>(json);

    public static Profile Read(ProfileRecord record)
    {
        var profile = FromJson(record.Document);
        profile.Version = record.Version;
        profile.UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.UpdatedAt, DateTimeKind.Utc));
        return profile;
    }
}
