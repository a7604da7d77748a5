namespace CaseFlow.Intake.Cases.Consulting;

public sealed record Consultation(string Lawyer, string Topic, string Advice, int DurationMinutes);

public static class HoldConsultation
{
    public const int MaxMinutes = 8 * 60;

    public static IReadOnlyList<object> Decide(Case state, Consultation consultation, DateTimeOffset occurredAt)
    {
        CaseRules.EnsureOpenAt(state, occurredAt);
        return [new ConsultationHeld(state.Id, consultation.Lawyer, consultation.Topic, consultation.Advice, consultation.DurationMinutes, occurredAt)];
    }
}
