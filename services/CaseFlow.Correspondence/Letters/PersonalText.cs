namespace CaseFlow.Correspondence.Letters;

/// <summary>The operator's free text about a case (notes, reasons, reply summaries): the applicant's personal data.</summary>
public static class PersonalText
{
    /// <summary>Sealed under the applicant; null for no text, so that an empty note seals nothing.</summary>
    public static Sealed<string>? OfApplicant(Guid caseId, string text) =>
        string.IsNullOrEmpty(text) ? null : Sealed.For(Subjects.Applicant(caseId), text);
}
