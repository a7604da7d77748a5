namespace CaseFlow.Intake.Cases;

/// <summary>Rules every command on an existing case obeys.</summary>
public static class CaseRules
{
    public static void EnsureOpen(Case state)
    {
        if (state.Status == CaseStatus.Closed)
            throw new RuleViolated($"case {state.Id} is closed; only ReopenCase is accepted");
    }

    /// <summary>Facts of a case happen after it was opened (facts about the past by nature carry their own dates).</summary>
    public static void EnsureNotBeforeOpening(Case state, DateTimeOffset occurredAt)
    {
        if (occurredAt < state.OpenedAt)
            throw new InvalidInput("occurredAt", $"{occurredAt:O} is before the case was opened ({state.OpenedAt:O})");
    }

    public static void EnsureOpenAt(Case state, DateTimeOffset occurredAt)
    {
        EnsureOpen(state);
        EnsureNotBeforeOpening(state, occurredAt);
    }
}
