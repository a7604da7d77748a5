using ApiMember = CaseFlow.Intake.Api.V1.FamilyMember;

namespace CaseFlow.Intake.Cases.RecordingFamily;

/// <summary>A family member as the API sends it, before their details are sealed under them.</summary>
public sealed record MemberEntry(string MemberId, string Relationship, MemberDetails Details, int? AgeYears, bool Separated)
{
    /// <summary>The member as the case keeps them: personal details sealed, age group at the case's opening plain.</summary>
    public FamilyMember In(Case state) => new(
        MemberId, Relationship, Sealed.For(Subjects.Member(state.Id, MemberId), Details), AgeYears,
        state.AtOpening(Details.BirthDate, AgeYears), Details.Location?.Country, Separated);
}

/// <summary>A family member as the API sends it, for recording and for updating them.</summary>
public static class MemberInput
{
    public const int MaxMemberId = 64;

    public static readonly string[] Relationships =
        ["son", "daughter", "mother", "father", "sister", "brother", "spouse", "grandparent", "grandchild", "other"];

    public static MemberEntry Member(this InputCheck check, ApiMember? member)
    {
        if (member is null)
        {
            check.Add("member", "the family member is required");
            return new MemberEntry("", "", new MemberDetails("", null, null, null), null, false);
        }
        var memberId = check.Text(member.MemberId, "member.memberId", "a member id (e.g. son-1)", MaxMemberId);
        var relationship = check.OneOf(member.Relationship, Relationships, "member.relationship", "relationship");
        var fullName = check.Text(member.FullName, "member.fullName", "the member's name", PersonName.MaxLength);
        check.That(member.AgeYears is >= 0 and <= 130, "member.ageYears", "must be between 0 and 130");
        var details = new MemberDetails(fullName, check.Date(member.BirthDate, "member.birthDate"),
            check.Place(member.Location, "member.location"),
            check.OptionalText(member.Caregiver, "member.caregiver", PersonName.MaxLength));
        return new MemberEntry(memberId, relationship, details, member.AgeYears > 0 ? member.AgeYears : null, member.Separated);
    }

    public static void EnsureBornBefore(MemberEntry member, DateTimeOffset occurredAt)
    {
        if (member.Details.BirthDate is { } born && born > DateOnly.FromDateTime(occurredAt.UtcDateTime))
            throw new InvalidInput("member.birthDate", $"{born:yyyy-MM-dd} is after {occurredAt:yyyy-MM-dd}");
    }
}
