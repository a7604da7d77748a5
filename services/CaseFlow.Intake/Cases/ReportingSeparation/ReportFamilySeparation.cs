using CaseFlow.Intake.Cases.RecordingFamily;

namespace CaseFlow.Intake.Cases.ReportingSeparation;

public sealed record ReportFamilySeparation(string MemberId, Place Location, string? Caregiver, DateOnly SeparatedSince, DateTimeOffset OccurredAt);

public static class ReportFamilySeparationRules
{
    public static (StreamCommand Target, ReportFamilySeparation Command) Parse(ReportFamilySeparationRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "ReportFamilySeparation", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var memberId = check.Text(request.MemberId, "memberId", "the separated member's id", MemberInput.MaxMemberId);
        var location = check.Place(request.Location, "location", required: true);
        var caregiver = check.OptionalText(request.Caregiver, "caregiver", PersonName.MaxLength);
        var since = check.Date(request.SeparatedSince, "separatedSince", required: true);
        check.ThrowIfAny();
        return (target, new ReportFamilySeparation(memberId, location!, caregiver, since!.Value, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, ReportFamilySeparation command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        var member = state.Member(command.MemberId)
            ?? throw new NotFound($"no family member '{command.MemberId}' in case {state.Id}; record the member first");
        var reportedOn = DateOnly.FromDateTime(command.OccurredAt.UtcDateTime);
        // "Separated since" is about the past by nature: before the case, but never after the report.
        if (command.SeparatedSince > reportedOn)
            throw new InvalidInput("separatedSince", $"{command.SeparatedSince:yyyy-MM-dd} is after the report ({command.OccurredAt:yyyy-MM-dd})");
        // What is reported about the member is sealed under them again: once they are erased, nothing new is recorded.
        var details = member.Details.IsErased ? throw new SubjectErased(Subjects.Member(state.Id, member.MemberId)) : member.Details.Value!;
        return
        [
            new FamilySeparationReported(state.Id, state.CenterId, member.MemberId, member.Relationship,
                member.IsMinorOn(reportedOn), member.AgeGroup, command.Location.Country,
                member.Details.With(details with { Location = command.Location, Caregiver = command.Caregiver ?? details.Caregiver }),
                command.SeparatedSince, command.OccurredAt),
        ];
    }
}
