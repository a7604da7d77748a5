namespace CaseFlow.Intake.Cases.RecordingFamily;

public sealed record RecordFamilyMember(MemberEntry Member, DateTimeOffset OccurredAt);

public static class RecordFamilyMemberRules
{
    public static (StreamCommand Target, RecordFamilyMember Command) Parse(RecordFamilyMemberRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "RecordFamilyMember", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var member = check.Member(request.Member);
        check.ThrowIfAny();
        return (target, new RecordFamilyMember(member, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, RecordFamilyMember command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        MemberInput.EnsureBornBefore(command.Member, command.OccurredAt);
        if (state.Member(command.Member.MemberId) is not null)
            throw new RuleViolated($"member id '{command.Member.MemberId}' is already used in this case; use UpdateFamilyMember");
        return [new FamilyMemberRecorded(state.Id, command.Member.In(state), command.OccurredAt)];
    }
}
