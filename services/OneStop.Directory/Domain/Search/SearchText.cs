using System.Text;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// Folds text into the form the free-text search compares: lower case, German umlauts and ß spelled out
/// (ä → ae, ö → oe, ü → ue, ß → ss), other Latin accents dropped (é → e); Arabic short-vowel marks (tashkeel) and
/// the tatweel removed, the alef forms (أ إ آ ٱ) made plain ا, alef maqsura ى made ي and taa marbuta ة made ه;
/// apostrophes (' ’ ʼ ` ′) removed, so Ukrainian "з'явитися" and "зʼявитися" meet. People type
/// "Auslaenderbehoerde" on keyboards without umlauts, and Arabic with or without hamza and vowel marks, so each
/// pair of spellings must meet in one form.
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
                    // A combining diaeresis after a, o or u (decomposed "ä") spells the same as the precomposed letter;
                    // after Ukrainian і it is ї.
                    if (builder.Length > 0 && builder[^1] is 'a' or 'o' or 'u')
                    {
                        builder.Append('e');
                    }
                    else if (builder.Length > 0 && builder[^1] == 'і')
                    {
                        builder[^1] = 'ї';
                    }
                    break;
                case '\u0306' when builder.Length > 0 && builder[^1] == 'и':
                    builder[^1] = 'й'; // decomposed й
                    break;
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    builder.Append('ا');
                    break;
                case 'ى':
                    builder.Append('ي');
                    break;
                case 'ة':
                    builder.Append('ه');
                    break;
                case '\'' or '’' or 'ʼ' or '`' or '′' or '\u0640':
                    break; // apostrophes and the Arabic tatweel (a stretching stroke) spell nothing
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

    /// <summary>
    /// Splits a folded query into the words that must all occur; punctuation and spaces separate words. A word that
    /// ends in the folded taa marbuta (ه, from ة) loses it when at least two letters remain: the light stem of Arabic
    /// feminine nouns, whose plural replaces the ending (دورة course, دورات courses), so that "دورة لغة" finds
    /// "دورات اللغة". Words are matched as substrings, so the definite article ال needs no stemming.
    /// </summary>
    public static string[] Words(string foldedQuery) => SplitWords(foldedQuery).Select(ArabicStem).ToArray();

    private static string ArabicStem(string word) => word.Length >= 3 && word[^1] == 'ه' && IsArabicLetter(word[^2]) ? word[..^1] : word;

    private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A';

    private static string[] SplitWords(string foldedQuery)
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

    // Combining accents (U+0300–U+036F), Arabic harakat (U+064B–U+0652) and the superscript alef (U+0670): present
    // in some spellings, absent in others.
    private static bool IsIgnorableMark(char c) => c is >= '\u0300' and <= '\u036F' or >= '\u064B' and <= '\u0652' or '\u0670';

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
