using CaseFlow.ServiceDefaults.Errors;
using ApiMember = CaseFlow.Intake.Api.V1.FamilyMember;

namespace CaseFlow.Intake.Cases.RecordingFamily;

public static class RecordFamilyMember
{
    public static readonly string[] Relationships =
        ["son", "daughter", "mother", "father", "sister", "brother", "spouse", "grandparent", "grandchild", "other"];

    public static FamilyMember Parse(InputCheck check, ApiMember? member)
    {
        if (member is null)
        {
            check.Add("member", "the family member is required");
            return new FamilyMember("", "", "", null, null, null, null, false);
        }
        check.Required(member.MemberId, "member.memberId", "a member id (e.g. son-1)").MaxLength(member.MemberId, 64, "member.memberId");
        check.That(Relationships.Contains(member.Relationship), "member.relationship",
            $"unknown relationship '{member.Relationship}'; use one of: {string.Join(", ", Relationships)}");
        check.Required(member.FullName, "member.fullName", "the member's name").MaxLength(member.FullName, CaseInput.MaxName, "member.fullName");
        check.That(member.AgeYears is >= 0 and <= 130, "member.ageYears", "must be between 0 and 130");
        return new FamilyMember(
            member.MemberId.Trim(), member.Relationship, member.FullName.Trim(),
            CaseInput.Date(check, member.BirthDate, "member.birthDate"),
            member.AgeYears > 0 ? member.AgeYears : null,
            CaseInput.Place(check, member.Location, "member.location"),
            CaseInput.Optional(member.Caregiver),
            member.Separated);
    }

    public static IReadOnlyList<object> Decide(Case state, FamilyMember member, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        EnsureBornBefore(member, occurredAt);
        if (state.Member(member.MemberId) is not null)
            throw new RuleViolated($"member id '{member.MemberId}' is already used in this case; use UpdateFamilyMember");
        return [new FamilyMemberRecorded(state.Id, member, occurredAt)];
    }

    public static IReadOnlyList<object> DecideUpdate(Case state, FamilyMember member, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        EnsureBornBefore(member, occurredAt);
        var current = state.Member(member.MemberId) ?? throw new NotFound($"no family member '{member.MemberId}' in case {state.Id}");
        return current == member ? [] : [new FamilyMemberUpdated(state.Id, member, occurredAt)];
    }

    private static void EnsureBornBefore(FamilyMember member, DateTimeOffset occurredAt)
    {
        if (member.BirthDate is { } born && born > DateOnly.FromDateTime(occurredAt.UtcDateTime))
            throw new InvalidInput("member.birthDate", $"{born:yyyy-MM-dd} is after {occurredAt:yyyy-MM-dd}");
    }
}
