namespace CaseFlow.Intake.Cases.Consenting;

public sealed record WithdrawConsent(Guid ConsentId, string? Reason, DateTimeOffset OccurredAt);

public static class WithdrawConsentRules
{
    public static (StreamCommand Target, WithdrawConsent Command) Parse(WithdrawConsentRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "WithdrawConsent", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var consentId = check.Id(request.ConsentId, "consentId");
        var reason = check.OptionalText(request.Reason, "reason");
        check.ThrowIfAny();
        return (target, new WithdrawConsent(consentId, reason, occurredAt));
    }

    /// <summary>A withdrawal is a new version: later disclosures are refused, earlier ones keep the version they rested on.</summary>
    public static IReadOnlyList<object> Decide(Case state, WithdrawConsent command)
    {
        CaseRules.EnsureNotBeforeOpening(state, command.OccurredAt);
        var current = state.Consent(command.ConsentId) ?? throw new NotFound($"no consent {command.ConsentId} in case {state.Id}");
        if (current.WithdrawnAt is not null) return [];
        if (command.OccurredAt < current.GivenAt)
            throw new InvalidInput("occurredAt", $"{command.OccurredAt:O} is before the consent was given ({current.GivenAt:O})");
        var withdrawn = current with { Version = current.Version + 1, WithdrawnAt = command.OccurredAt };
        return
        [
            new ConsentToShareWithdrawn(state.Id, state.CenterId, withdrawn, state.AboutApplicantOptional(command.Reason), command.OccurredAt),
        ];
    }
}
