using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.Transferring;

public static class TransferCase
{
    /// <summary>A transfer hands the case to another center: from then on that center owns it.</summary>
    public static IReadOnlyList<object> Decide(Case state, string toCenterId, string reason, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        if (toCenterId == state.CenterId)
            throw new RuleViolated($"the case already belongs to center '{toCenterId}'");
        return [new CaseTransferred(state.Id, state.CenterId, toCenterId, reason, occurredAt)];
    }
}
