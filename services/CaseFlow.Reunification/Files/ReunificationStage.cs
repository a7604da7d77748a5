namespace CaseFlow.Reunification.Files;

public enum ReunificationStage
{
    NoSeparationReported,
    Assessing,
    Planned,
    Waitlisted,
    TravelArranged,
    InTransit,
    Arrived,
    Reunited,
    Failed,
    Cancelled,
}

public static class ReunificationStages
{
    public static bool IsOver(this ReunificationStage stage) =>
        stage is ReunificationStage.Reunited or ReunificationStage.Failed or ReunificationStage.Cancelled;

    /// <summary>Kebab case, as the API and dashboards show it: "travel-arranged".</summary>
    public static string Name(this ReunificationStage stage) => string.Concat(stage.ToString()
        .Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
