using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Plans.RecordingAgencyDecisions;

public sealed record RecordAgencyDecision(Guid? LetterId, string Agency, string Decision, string Summary, DateTimeOffset OccurredAt);

public static class RecordAgencyDecisionRules
{
    public static (FileCommand, RecordAgencyDecision) Parse(RecordAgencyDecisionRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var agency = check.Text(request.Agency, "agency", "the agency", CommandInput.MaxNameLength);
        var decision = check.OneOf(request.Decision, AgencyDecisions.All, "decision");
        var summary = check.Text(request.Summary, "summary", "what the agency decided");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("RecordAgencyDecision", caseId, version, request.RequestId),
            new RecordAgencyDecision(null, agency, decision, summary, occurredAt));
    }

    /// <summary>
    /// Decisions are kept against the plan of an open file. A reply that comes before any separation is on file is
    /// kept too: it may well be the reason for the plan chosen later.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordAgencyDecision command)
    {
        if (file.Stage.IsOver()) throw new RuleViolated($"the reunification of case {file.Id} is over ({file.Stage.Name()})");
        return [new AgencyDecisionRecorded(file.Id, command.LetterId, command.Agency, command.Decision, command.Summary, command.OccurredAt)];
    }
}

public sealed class RecordAgencyDecisionHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(RecordAgencyDecisionRequest request, Caller caller, CancellationToken ct)
    {
        var (command, decision) = RecordAgencyDecisionRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => RecordAgencyDecisionRules.Decide(file, decision), ct);
    }
}
