using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Privacy;

namespace CaseFlow.Reunification.CaseData;

/// <summary>The people of a case, as Intake's answer names them.</summary>
public static class CasePeople
{
    public static FamilyMember? Member(this CaseDetails? details, string memberId) =>
        details?.Family.FirstOrDefault(m => m.MemberId == memberId);

    /// <summary>The name of "applicant" or "member:&lt;id&gt;" (<see cref="Subjects"/>); empty when unknown.</summary>
    public static string NameOf(this CaseDetails? details, string person) =>
        person == Subjects.ApplicantPerson ? details?.Applicant?.FullName is { Length: > 0 } full ? full : details?.ApplicantName ?? ""
        : person.StartsWith(Subjects.MemberPrefix, StringComparison.Ordinal)
            ? details.Member(person[Subjects.MemberPrefix.Length..])?.FullName ?? ""
            : "";
}
