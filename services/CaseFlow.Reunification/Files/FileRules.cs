namespace CaseFlow.Reunification.Files;

/// <summary>Rules every command on a reunification file shares.</summary>
public static class FileRules
{
    /// <summary>A file is worked on once a separation was reported, until the reunion, a failure or a cancellation.</summary>
    public static SeparatedMember EnsureOpen(ReunificationFile file)
    {
        if (file.Member is null)
            throw new RuleViolated($"case {file.Id} has no reported family separation: there is nothing to reunify yet");
        if (file.Stage.IsOver())
            throw new RuleViolated($"the reunification of case {file.Id} is over ({file.Stage.Name()})");
        return file.Member;
    }

    /// <summary>Plan and preparation may change until the traveller is on their way.</summary>
    public static void EnsureNotTravelling(ReunificationFile file)
    {
        EnsureOpen(file);
        if (file.Stage is ReunificationStage.InTransit or ReunificationStage.Arrived)
            throw new RuleViolated($"the traveller of case {file.Id} is already {file.Stage.Name()}");
    }
}
