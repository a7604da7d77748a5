using CaseFlow.Reunification.Files.Correcting;

namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    /// <summary>Per person ("applicant", "member:&lt;id&gt;"), the case version of the last correction applied.</summary>
    public IReadOnlyDictionary<string, long> CorrectionVersions { get; init; } = new Dictionary<string, long>();

    public ReunificationFile Apply(PersonCorrectionNoted e) => OnEveryTrack(f => f with
    {
        CorrectionVersions = new Dictionary<string, long>(CorrectionVersions) { [e.Person] = e.CaseVersion },
        Member = f.Member is { } member && e.Person == Subjects.MemberPrefix + member.MemberId
            ? member with
            {
                Relationship = e.Relationship ?? member.Relationship,
                IsMinor = e.IsMinor ?? member.IsMinor,
                AgeGroup = e.AgeGroup,
                Country = e.Country ?? member.Country,
            }
            : f.Member,
    });
}
