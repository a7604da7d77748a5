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

    /// <summary>Details the case already holds are nothing new; an erased applicant's details cannot be recorded again.</summary>
    public static IReadOnlyList<object> Decide(Case state, CorrectApplicantDetails command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        ApplicantInput.EnsureBornBefore(command.Applicant, command.OccurredAt);
        if (state.Applicant is null)
            throw new RuleViolated("the applicant is not registered yet; use RegisterApplicant first");
        if (state.Applicant.IsErased) throw new SubjectErased(state.ApplicantSubject());
        var applicant = command.Applicant;
        return state.Applicant.Value!.SameAs(applicant)
            ? []
            :
            [
                new ApplicantDetailsCorrected(state.Id, Sealed.For(state.ApplicantSubject(), applicant), applicant.Sex,
                    state.AtOpening(applicant.BirthDate), state.AboutApplicant(command.Reason), command.OccurredAt,
                    Correcting.WhatChanged.Between(state.Applicant.Value!, applicant), state.CenterId),
            ];
    }
}
