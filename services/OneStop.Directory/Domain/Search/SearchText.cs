using System.Text;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Folds text into the form the free-text search compares: lower case, German umlauts and ß spelled out
/// (ä → ae, ö → oe, ü → ue, ß → ss), other Latin accents dropped (é → e) and Arabic short-vowel marks removed.
/// People type "Auslaenderbehoerde" on keyboards without umlauts, so both spellings must meet in one form.
/// Written by hand rather than with string.Normalize because the benchmark and some hosts run with invariant
/// globalization, where Unicode normalization is not available for all inputs.
/// </summary>
public static class SearchText
{
    /// <summary>Returns the folded form of <paramref name="text"/>; null or empty gives "".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length + 8);
        AppendFolded(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends the folded form of <paramref name="text"/> to <paramref name="builder"/>.</summary>
    public static void AppendFolded(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case '\u0308':
                    // A combining diaeresis after a, o or u (decomposed "ä") spells the same as the precomposed letter.
                    if (builder.Length > 0 && builder[^1] is 'a' or 'o' or 'u')
                    {
                        builder.Append('e');
                    }
                    break;
                default:
                    if (IsIgnorableMark(c))
                    {
                        break;
                    }
                    builder.Append(StripLatinAccent(c));
                    break;
            }
        }
    }

    /// <summary>Splits a folded query into the words that must all occur; punctuation and spaces separate words.</summary>
    public static string[] Words(string foldedQuery)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= foldedQuery.Length; i++)
        {
            var isWordChar = i < foldedQuery.Length && char.IsLetterOrDigit(foldedQuery[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(foldedQuery[start..i]);
                start = -1;
            }
        }
        return words.ToArray();
    }

    // Combining accents (U+0300–U+036F) and Arabic harakat (U+064B–U+0652): present in some spellings, absent in others.
    private static bool IsIgnorableMark(char c) => c is >= '\u0300' and <= '\u036F' or >= '\u064B' and <= '\u0652';

    private static char StripLatinAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' => 'c',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'ı' => 'i',
        'ñ' or 'ń' or 'ň' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ø' or 'ō' or 'ő' => 'o',
        'ù' or 'ú' or 'û' or 'ū' or 'ů' or 'ű' => 'u',
        'ý' or 'ÿ' => 'y',
        'ś' or 'š' or 'ş' => 's',
        'ź' or 'ż' or 'ž' => 'z',
        'ł' => 'l',
        'ğ' => 'g',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        _ => c,
    };
}
