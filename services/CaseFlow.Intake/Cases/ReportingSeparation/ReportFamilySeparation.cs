using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.ReportingSeparation;

public sealed record SeparationReport(string MemberId, Place Location, string? Caregiver, DateOnly SeparatedSince);

public static class ReportFamilySeparation
{
    public static IReadOnlyList<object> Decide(Case state, SeparationReport report, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        var member = state.Member(report.MemberId)
            ?? throw new NotFound($"no family member '{report.MemberId}' in case {state.Id}; record the member first");
        // "Separated since" is about the past by nature: before the case, but never after the report.
        if (report.SeparatedSince > DateOnly.FromDateTime(occurredAt.UtcDateTime))
            throw new InvalidInput("separatedSince", $"{report.SeparatedSince:yyyy-MM-dd} is after the report ({occurredAt:yyyy-MM-dd})");
        return
        [
            new FamilySeparationReported(state.Id, state.CenterId, member.MemberId, member.Relationship, member.FullName,
                member.IsMinorOn(DateOnly.FromDateTime(occurredAt.UtcDateTime)), member.BirthDate, report.Location,
                report.Caregiver ?? member.Caregiver, report.SeparatedSince, occurredAt),
        ];
    }
}
