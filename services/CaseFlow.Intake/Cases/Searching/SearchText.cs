using System.Text;
using AnyAscii;

namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// What a searched value is compared as, the same for what is stored and what is asked. Every key is first
/// transliterated to ASCII (AnyAscii: Cyrillic, accented Latin, Kyrgyz letters alike), so "Алима" and "Alima",
/// "Эмир" and "Emir", a passport number typed with Cyrillic "АН" or Latin "AN", compare equal.
/// </summary>
public static class SearchText
{
    /// <summary>A phone number is compared on its last digits: "+996 555 123 456" and "0555 123456" are one number.</summary>
    public const int PhoneDigits = 9;

    /// <summary>The fewest characters a document number or letter reference is searched by (fewer match too much).</summary>
    public const int MinExact = 3;

    /// <summary>"  Алима  Токтосунова " → "alima toktosunova": lower case, letters and digits, single spaces.</summary>
    public static string Name(string value)
    {
        var ascii = value.Transliterate().ToLowerInvariant();
        var kept = new StringBuilder(ascii.Length);
        foreach (var c in ascii) kept.Append(char.IsAsciiLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"ан 123-45/67" → "AN1234567": a document number or letter reference, its letters and digits only.</summary>
    public static string Code(string value)
    {
        var ascii = value.Transliterate().ToUpperInvariant();
        var kept = new StringBuilder(ascii.Length);
        foreach (var c in ascii) if (char.IsAsciiLetterOrDigit(c)) kept.Append(c);
        return kept.ToString();
    }

    /// <summary>"+996 (555) 12-34-56" → "555123456": the last <see cref="PhoneDigits"/> digits; null when too few to be a phone.</summary>
    public static string? Phone(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        return digits.Length < 6 ? null : digits.Length > PhoneDigits ? digits[^PhoneDigits..] : digits;
    }
}
