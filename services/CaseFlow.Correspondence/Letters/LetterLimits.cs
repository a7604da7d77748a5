namespace CaseFlow.Correspondence.Letters;

/// <summary>How long a letter's texts may be: a body is a whole letter, well beyond the default limit of free text.</summary>
public static class LetterLimits
{
    public const int MaxSubject = 300;
    public const int MaxBody = 20_000;
    public const int MaxText = 2_000;
    public const int MaxReference = 100;
    public const int MaxAgencyId = 100;
}
