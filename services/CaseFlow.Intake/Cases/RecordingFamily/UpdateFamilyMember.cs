namespace CaseFlow.Intake.Cases.RecordingFamily;

public sealed record UpdateFamilyMember(MemberEntry Member, DateTimeOffset OccurredAt);

public static class UpdateFamilyMemberRules
{
    public static (StreamCommand Target, UpdateFamilyMember Command) Parse(UpdateFamilyMemberRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "UpdateFamilyMember", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var member = check.Member(request.Member);
        check.ThrowIfAny();
        return (target, new UpdateFamilyMember(member, occurredAt));
    }

    /// <summary>The member as the case already knows them is nothing new.</summary>
    public static IReadOnlyList<object> Decide(Case state, UpdateFamilyMember command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        MemberInput.EnsureBornBefore(command.Member, command.OccurredAt);
        var current = state.Member(command.Member.MemberId)
            ?? throw new NotFound($"no family member '{command.Member.MemberId}' in case {state.Id}");
        var updated = command.Member.In(state);
        return current == updated ? []
            : [new FamilyMemberUpdated(state.Id, updated, command.OccurredAt, Correcting.WhatChanged.Between(current, updated), state.CenterId)];
    }
}
