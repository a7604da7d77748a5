namespace CaseFlow.Intake.Cases;

/// <summary>Free text of a case (notes, reasons, advice) is personal: sealed under the member it concerns, or else the applicant.</summary>
public static class PersonalText
{
    public static Guid ApplicantSubject(this Case state) => Subjects.Applicant(state.Id);

    public static Sealed<string> AboutApplicant(this Case state, string text) => Sealed.For(state.ApplicantSubject(), text);

    public static Sealed<string> About(this Case state, string? memberId, string text) =>
        Sealed.For(memberId is null ? state.ApplicantSubject() : Subjects.Member(state.Id, memberId), text);

    public static Sealed<string>? AboutApplicantOptional(this Case state, string? text) => text is null ? null : state.AboutApplicant(text);
}
