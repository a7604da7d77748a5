namespace CaseFlow.Reunification.Plans.Choosing;

public sealed record ChoosePlan(string Plan, string Reason, DateTimeOffset OccurredAt)
{
    public static (FileCommand, ChoosePlan) Parse(ChoosePlanRequest r, DateTimeOffset now) =>
        FileCommand.Parse("ChoosePlan", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new ChoosePlan(check.OneOf(r.Plan, ReunificationPlans.All, "plan", "plan"),
                check.Text(r.Reason, "reason", "the reason for the plan"), at));

    /// <summary>The first plan is chosen; a different one is a change with its reason; the same one again is nothing new.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, ChoosePlan command)
    {
        FileRules.EnsureOpen(file);
        if (file.Stage is not (ReunificationStage.Assessing or ReunificationStage.Planned))
            throw new RuleViolated($"the traveller of case {file.Id} is {file.Stage.Name()}: release the seat before changing the plan");
        if (file.Plan is null) return [new PlanChosen(file.Id, file.CenterId, command.Plan, file.OfApplicant(command.Reason), command.OccurredAt)];
        if (file.Plan == command.Plan) return [];
        return [new PlanChanged(file.Id, file.CenterId, file.Plan, command.Plan, file.OfApplicant(command.Reason), command.OccurredAt)];
    }
}
