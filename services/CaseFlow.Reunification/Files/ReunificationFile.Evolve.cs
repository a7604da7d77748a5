namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    /// <summary>The state after newly decided events, to answer a command with the stage it led to.</summary>
    public ReunificationFile After(IEnumerable<object> events) => events.Aggregate(this, (file, e) => e switch
    {
        ReunificationOpened x => file.Apply(x),
        FileTransferred x => file.Apply(x),
        PlanChosen x => file.Apply(x),
        PlanChanged x => file.Apply(x),
        AgencyDecisionRecorded x => file.Apply(x),
        PriorityEscalated x => file.Apply(x),
        PriorityLowered x => file.Apply(x),
        ConsentRecorded x => file.Apply(x),
        DocumentReady x => file.Apply(x),
        EscortAssigned x => file.Apply(x),
        SeatRequested x => file.Apply(x),
        SeatAllocated x => file.Apply(x),
        Waitlisted x => file.Apply(x),
        SeatReleased x => file.Apply(x),
        TravelDisrupted x => file.Apply(x),
        Departed x => file.Apply(x),
        Arrived x => file.Apply(x),
        Reunited x => file.Apply(x),
        ReunificationFailed x => file.Apply(x),
        ReunificationCancelled x => file.Apply(x),
        _ => throw new ArgumentException($"not a reunification event: {e.GetType().Name}"),
    });
}
