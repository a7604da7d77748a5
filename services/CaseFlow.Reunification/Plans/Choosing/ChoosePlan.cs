using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Plans.Choosing;

public sealed record ChoosePlan(string Plan, string Reason, DateTimeOffset OccurredAt);

public static class ChoosePlanRules
{
    public static (FileCommand, ChoosePlan) Parse(ChoosePlanRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var plan = check.OneOf(request.Plan, ReunificationPlans.All, "plan");
        var reason = check.Text(request.Reason, "reason", "the reason for the plan");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("ChoosePlan", caseId, version, request.RequestId), new ChoosePlan(plan, reason, occurredAt));
    }

    /// <summary>The first plan is chosen; a different one is a change with its reason; the same one again is nothing new.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, ChoosePlan command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage is not (ReunificationStage.Assessing or ReunificationStage.Planned))
            throw new RuleViolated($"the traveller of case {file.Id} is {file.Stage.Name()}: release the seat before changing the plan");
        if (file.Plan is null) return [new PlanChosen(file.Id, file.CenterId, command.Plan, command.Reason, command.OccurredAt)];
        if (file.Plan == command.Plan) return [];
        return [new PlanChanged(file.Id, file.CenterId, file.Plan, command.Plan, command.Reason, command.OccurredAt)];
    }
}

public sealed class ChoosePlanHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(ChoosePlanRequest request, Caller caller, CancellationToken ct)
    {
        var (command, plan) = ChoosePlanRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => ChoosePlanRules.Decide(file, plan), ct);
    }
}
