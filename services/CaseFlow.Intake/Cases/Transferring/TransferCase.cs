namespace CaseFlow.Intake.Cases.Transferring;

public sealed record TransferCase(string ToCenterId, string Reason, DateTimeOffset OccurredAt);

public static class TransferCaseRules
{
    public static (StreamCommand Target, TransferCase Command) Parse(TransferCaseRequest request,
        ReferenceData.ReferenceData reference, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "TransferCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var to = request.ToCenterId.Trim();
        check.Required(to, "toCenterId", "the receiving center")
            .That(to.Length == 0 || reference.IsCenter(to), "toCenterId", $"unknown center '{to}'; known centers: {reference.KnownCenters}");
        var reason = check.Text(request.Reason, "reason", "the reason for the transfer");
        check.ThrowIfAny();
        return (target, new TransferCase(to, reason, occurredAt));
    }

    /// <summary>A transfer hands the case to another center: from then on that center owns it.</summary>
    public static IReadOnlyList<object> Decide(Case state, TransferCase command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        if (command.ToCenterId == state.CenterId)
            throw new RuleViolated($"the case already belongs to center '{command.ToCenterId}'");
        return [new CaseTransferred(state.Id, state.CenterId, command.ToCenterId, state.AboutApplicant(command.Reason), command.OccurredAt)];
    }
}
