namespace CaseFlow.Intake.Cases.RegisteringApplicant;

public sealed record RegisterApplicant(ApplicantDetails Applicant, DateTimeOffset OccurredAt);

public static class RegisterApplicantRules
{
    public static (StreamCommand Target, RegisterApplicant Command) Parse(RegisterApplicantRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "RegisterApplicant", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var applicant = check.Applicant(request.Applicant);
        check.ThrowIfAny();
        return (target, new RegisterApplicant(applicant, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, RegisterApplicant command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        ApplicantInput.EnsureBornBefore(command.Applicant, command.OccurredAt);
        if (state.Applicant is not null)
            throw new RuleViolated("the applicant is already registered; use CorrectApplicantDetails to change the details");
        var applicant = command.Applicant;
        return
        [
            new ApplicantRegistered(state.Id, Sealed.For(state.ApplicantSubject(), applicant), applicant.Sex,
                state.AtOpening(applicant.BirthDate), command.OccurredAt),
        ];
    }

    /// <summary>Registers the applicant, then shows the other cases that may be the same person (after the commit: never blocking).</summary>
    public static async Task<RegisterApplicantResponse> Handle(StreamCommands commands, EventSessions sessions, BlindIndex index,
        RegisterApplicantRequest request, Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var (target, command) = Parse(request, now);
        var registered = await commands.Run<Case, CaseChanged>(target, request, caller, state => Decide(state, command), CaseCommand.Changed, ct);
        await using var session = sessions.Query();
        return await PossibleDuplicates.Answer(session, index, registered, command.Applicant, ct);
    }
}
