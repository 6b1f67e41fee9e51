using System.Text.RegularExpressions;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Validation;

/// <summary>The single-field rules every validator shares. Each throws <see cref="InvalidFieldException"/> naming the field path.</summary>
public static partial class FieldRules
{
    public const int MaxIdLength = 64;
    public const int MaxName = 200;
    public const int MaxDescription = 4000;
    /// <summary>URLs, e-mail addresses, phone numbers and other short texts that are not names.</summary>
    public const int MaxShortText = 2000;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")] private static partial Regex IdPattern();
    [GeneratedRegex("^[a-z]{2,3}$")] private static partial Regex LanguagePattern();
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] private static partial Regex LanguageTagPattern();
    [GeneratedRegex("^[0-9]+$")] private static partial Regex DigitsPattern();
    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")] private static partial Regex TimeOfDayPattern();
    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryPattern();

    public static void Id(string field, string value)
    {
        if (value.Length == 0) throw new InvalidFieldException(field, "is required.");
        if (value.Length > MaxIdLength) throw new InvalidFieldException(field, $"is longer than {MaxIdLength} characters.");
        if (!IdPattern().IsMatch(value)) throw new InvalidFieldException(field, "may contain only A-Z, a-z, 0-9, '.', '_' and '-'.");
    }

    public static void OptionalId(string field, string value)
    {
        if (value.Length > 0) Id(field, value);
    }

    public static void RequiredText(string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidFieldException(field, "is required.");
        Text(field, value, maxLength);
    }

    public static void Text(string field, string value, int maxLength)
    {
        if (value.Length > maxLength) throw new InvalidFieldException(field, $"is longer than {maxLength} characters.");
    }

    /// <summary>ISO 639-1/-3: two or three lowercase letters.</summary>
    public static void Language(string field, string value)
    {
        if (!LanguagePattern().IsMatch(value)) throw new InvalidFieldException(field, "must be an ISO 639 code of 2 or 3 lowercase letters.");
    }

    public static void OptionalLanguage(string field, string value)
    {
        if (value.Length > 0) Language(field, value);
    }

    /// <summary>A requested language may carry subtags ("pt-BR", "ar-SY"); the Localizer falls back to the primary one.</summary>
    public static void OptionalLanguageTag(string field, string value)
    {
        if (value.Length > 35 || (value.Length > 0 && !LanguageTagPattern().IsMatch(value)))
            throw new InvalidFieldException(field, "must be a language tag such as \"en\" or \"pt-BR\".");
    }

    /// <summary>An Amtlicher Gemeindeschlüssel of one of the given lengths (5: Kreis, 8: Gemeinde).</summary>
    public static void Ags(string field, string value, params int[] lengths)
    {
        if (!lengths.Contains(value.Length) || !DigitsPattern().IsMatch(value))
        {
            throw new InvalidFieldException(field, $"must be an AGS of {string.Join(" or ", lengths)} digits.");
        }
    }

    /// <summary>
    /// proto3 keeps enum numbers it does not know, so a client can send (Topic)99 and it arrives as 99.
    /// </summary>
    public static void Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) throw new InvalidFieldException(field, $"has no value {Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    public static void AllDefined<TEnum>(string field, IEnumerable<TEnum> values) where TEnum : struct, Enum
    {
        var i = 0;
        foreach (var value in values) Defined($"{field}[{i++}]", value);
    }

    public static void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) throw new InvalidFieldException(field, $"must be between {min} and {max}.");
    }

    /// <summary>A real calendar date, when present.</summary>
    public static void Date(string field, Date? value)
    {
        if (value is null) return;
        if (value.Year is < 1 or > 9999 || value.Month is < 1 or > 12 || value.Day < 1
            || value.Day > DateTime.DaysInMonth(value.Year, value.Month))
        {
            throw new InvalidFieldException(field, "is not a valid calendar date.");
        }
    }

    /// <summary>"HH:MM" local time; "24:00" is allowed as a closing time at midnight.</summary>
    public static void TimeOfDay(string field, string value)
    {
        if (!TimeOfDayPattern().IsMatch(value)) throw new InvalidFieldException(field, "must be a time \"HH:MM\".");
    }

    public static void Country(string field, string value)
    {
        if (value.Length > 0 && !CountryPattern().IsMatch(value)) throw new InvalidFieldException(field, "must be an ISO 3166-1 alpha-2 code.");
    }

    public static void Ownership(string field, Ownership? ownership)
    {
        if (ownership is null) throw new InvalidFieldException(field, "is required.");
        Id($"{field}.organization_id", ownership.OrganizationId);
        Ags($"{field}.region_ags", ownership.RegionAgs, 5, 8);
    }

    public static void Translations(string field, IEnumerable<Translation> translations)
    {
        var i = 0;
        foreach (var t in translations)
        {
            var path = $"{field}[{i++}]";
            Language($"{path}.language", t.Language);
            Text($"{path}.name", t.Name, MaxName);
            Text($"{path}.description", t.Description, MaxDescription);
            Text($"{path}.application_process", t.ApplicationProcess, MaxDescription);
            Defined($"{path}.text_direction", t.TextDirection);
        }
    }
}
