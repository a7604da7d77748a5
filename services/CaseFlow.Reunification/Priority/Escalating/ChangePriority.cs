namespace CaseFlow.Reunification.Priority.Escalating;

/// <summary>The case's priority as Intake now derives it, because a vulnerability was raised or cleared.</summary>
public sealed record ChangePriority(string Priority, string Kind, string Note, bool Raised, DateTimeOffset OccurredAt)
{
    /// <summary>A raised vulnerability only ever escalates, a cleared one only ever lowers; a finished file keeps its own.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, ChangePriority command)
    {
        if (file.Stage.IsOver() || !Priorities.All.Contains(command.Priority)) return [];
        var (now, next) = (Priorities.Rank(file.Priority), Priorities.Rank(command.Priority));
        if (command.Raised && next > now)
            return [new PriorityEscalated(file.Id, command.Priority, command.Kind, file.OfApplicant(command.Note), command.OccurredAt)];
        if (!command.Raised && next < now)
            return [new PriorityLowered(file.Id, command.Priority, command.Kind, command.OccurredAt)];
        return [];
    }

    /// <summary>A waiting traveller's place in the queue follows their priority.</summary>
    public static IReadOnlyList<object> ForTheWaitlist(Flight flight, Guid caseId, string priority, DateTimeOffset at) =>
        flight.Waits(caseId) ? [new WaitlistPriorityChanged(flight.Id, caseId, priority, at)] : [];
}
