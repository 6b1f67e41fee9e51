using System.Text.Json;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// Small helpers over <see cref="Utf8JsonWriter"/> shared by the record writers: empty values are left out (an
/// import reads a missing field as empty, so nothing is lost), and the profile's own fields go under "x_onestop".
/// </summary>
internal static class HsdsWriter
{
    public const string Extension = "x_onestop";

    public static void String(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length > 0)
        {
            json.WriteString(name, value);
        }
    }

    public static void Date(Utf8JsonWriter json, string name, Date? value)
    {
        if (value is not null)
        {
            json.WriteString(name, HsdsValues.FormatDate(value));
        }
    }

    public static void Timestamp(Utf8JsonWriter json, string name, Timestamp? value)
    {
        if (value is not null)
        {
            json.WriteString(name, HsdsValues.FormatTimestamp(value));
        }
    }

    public static void Enum<TEnum>(Utf8JsonWriter json, string name, TEnum value) where TEnum : struct, System.Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
        {
            json.WriteString(name, HsdsValues.FormatEnum(value));
        }
    }

    public static void Enums<TEnum>(Utf8JsonWriter json, string name, RepeatedField<TEnum> values) where TEnum : struct, System.Enum
    {
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(HsdsValues.FormatEnum(value));
        }
        json.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter json, string name, RepeatedField<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    /// <summary>HSDS language objects: {"code": "ar", "name": "Arabic"}; the name only for languages we know.</summary>
    public static void Languages(Utf8JsonWriter json, string name, RepeatedField<string> codes)
    {
        if (codes.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var code in codes)
        {
            json.WriteStartObject();
            json.WriteString("code", code);
            if (LanguageNames.TryGetValue(code, out var languageName))
            {
                json.WriteString("name", languageName);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void Ownership(Utf8JsonWriter json, Ownership? ownership)
    {
        if (ownership is null)
        {
            return;
        }
        json.WriteStartObject("ownership");
        String(json, "organization_id", ownership.OrganizationId);
        String(json, "region_ags", ownership.RegionAgs);
        json.WriteEndObject();
    }

    public static void Translations(Utf8JsonWriter json, RepeatedField<Translation> translations)
    {
        if (translations.Count == 0)
        {
            return;
        }
        json.WriteStartArray("translations");
        foreach (var translation in translations)
        {
            json.WriteStartObject();
            json.WriteString("language", translation.Language);
            String(json, "name", translation.Name);
            String(json, "description", translation.Description);
            String(json, "application_process", translation.ApplicationProcess);
            Enum(json, "text_direction", translation.TextDirection);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "German", ["en"] = "English", ["ar"] = "Arabic", ["uk"] = "Ukrainian", ["ru"] = "Russian",
        ["tr"] = "Turkish", ["fa"] = "Persian", ["ti"] = "Tigrinya", ["ku"] = "Kurdish", ["pl"] = "Polish",
        ["ro"] = "Romanian", ["es"] = "Spanish", ["fr"] = "French", ["it"] = "Italian", ["prs"] = "Dari",
    };
}
