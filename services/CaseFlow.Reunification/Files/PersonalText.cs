namespace CaseFlow.Reunification.Files;

/// <summary>
/// Free text the proto marks personal (reasons, summaries, notes, who gave or received), sealed under the person it is
/// about: the applicant, unless it is about the separated member (their documents) or the escort.
/// </summary>
public static class PersonalText
{
    public static Sealed<string> OfApplicant(this ReunificationFile file, string text) => Sealed.For(Subjects.Applicant(file.Id), text);

    public static Sealed<string>? OfApplicantIfAny(this ReunificationFile file, string? text) => text is null ? null : file.OfApplicant(text);

    public static Sealed<string>? OfMemberIfAny(this ReunificationFile file, string? text) => text is null ? null
        : Sealed.For(file.Member is { } member ? Subjects.Member(file.Id, member.MemberId) : Subjects.Applicant(file.Id), text);

    public static Sealed<string> OfEscort(this ReunificationFile file, string name) => Sealed.For(Subjects.Escort(file.Id), name);
}
