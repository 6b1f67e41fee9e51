namespace OneStop.Gateway.Web.Text;

/// <summary>The CLDR plural categories (a language uses some of them).</summary>
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// <summary>
/// The CLDR plural rules for whole numbers in the web front's four languages (unicode.org/cldr, plurals.xml; only
/// the integer conditions, as counts are never fractions). Written by hand: no maintained .NET package for CLDR
/// plurals restores here (see docs/dependencies.md), and four languages' integer rules are a few lines each.
/// </summary>
public static class PluralRules
{
    public static PluralCategory For(string language, long count)
    {
        var n = Math.Abs(count);
        var mod10 = n % 10;
        var mod100 = n % 100;
        return language switch
        {
            // ar: zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10; many n % 100 = 11..99; other (100, 101, 102, …)
            "ar" => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when mod100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when mod100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            // uk: one v = 0 and i % 10 = 1 and i % 100 != 11; few i % 10 = 2..4 and i % 100 != 12..14;
            // many i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14 (other is for fractions only)
            "uk" when mod10 == 1 && mod100 != 11 => PluralCategory.One,
            "uk" when mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) => PluralCategory.Few,
            "uk" => PluralCategory.Many,
            // de, en: one i = 1 and v = 0; other
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }
}
