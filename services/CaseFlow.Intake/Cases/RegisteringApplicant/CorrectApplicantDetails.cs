namespace CaseFlow.Intake.Cases.RegisteringApplicant;

public sealed record CorrectApplicantDetails(ApplicantDetails Applicant, string Reason, DateTimeOffset OccurredAt);

public static class CorrectApplicantDetailsRules
{
    public static (StreamCommand Target, CorrectApplicantDetails Command) Parse(CorrectApplicantDetailsRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "CorrectApplicantDetails", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var applicant = check.Applicant(request.Applicant);
        var reason = check.Text(request.Reason, "reason", "the reason for the correction");
        check.ThrowIfAny();
        return (target, new CorrectApplicantDetails(applicant, reason, occurredAt));
    }

    /// <summary>Details the case already holds are nothing new.</summary>
    public static IReadOnlyList<object> Decide(Case state, CorrectApplicantDetails command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        ApplicantInput.EnsureBornBefore(command.Applicant, command.OccurredAt);
        if (state.Applicant is null)
            throw new RuleViolated("the applicant is not registered yet; use RegisterApplicant first");
        return state.Applicant.Equals(command.Applicant) && state.Applicant.Documents.SequenceEqual(command.Applicant.Documents)
            ? []
            : [new ApplicantDetailsCorrected(state.Id, command.Applicant, command.Reason, command.OccurredAt)];
    }
}
