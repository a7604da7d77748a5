namespace CaseFlow.Intake.Cases.Consulting;

public sealed record HoldConsultation(string Lawyer, string Topic, string Advice, int DurationMinutes, DateTimeOffset OccurredAt);

public static class HoldConsultationRules
{
    public const int MaxMinutes = 8 * 60;

    /// <param name="caller">Gave the consultation unless the request names another lawyer.</param>
    public static (StreamCommand Target, HoldConsultation Command) Parse(HoldConsultationRequest request, Caller caller, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "HoldConsultation", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var topic = check.Text(request.Topic, "topic", "the topic");
        var advice = check.Text(request.Advice, "advice", "the advice given");
        check.That(request.DurationMinutes is > 0 and <= MaxMinutes, "durationMinutes", $"must be between 1 and {MaxMinutes}");
        var lawyer = check.OptionalText(request.Lawyer, "lawyer", PersonName.MaxLength) ?? caller.User;
        check.ThrowIfAny();
        return (target, new HoldConsultation(lawyer, topic, advice, request.DurationMinutes, occurredAt));
    }

    public static IReadOnlyList<object> Decide(Case state, HoldConsultation command)
    {
        CaseRules.EnsureOpenAt(state, command.OccurredAt);
        return [new ConsultationHeld(state.Id, command.Lawyer, state.AboutApplicant(command.Topic), state.AboutApplicant(command.Advice), command.DurationMinutes, command.OccurredAt)];
    }
}
