using System.Globalization;
using System.Text;

namespace CaseFlow.Intake.Cases;

public static class PersonName
{
    /// <summary>The longest name (of a person, or an operator's user name) an input may carry.</summary>
    public const int MaxLength = 200;

    /// <summary>"  Alíma  Toktosunova " and "alima toktosunova" compare equal: case, accents and spacing aside.</summary>
    public static string Normalize(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) letters.Append(c);
        return string.Join(' ', letters.ToString().Normalize(NormalizationForm.FormC)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
