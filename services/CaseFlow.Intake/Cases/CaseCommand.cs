namespace CaseFlow.Intake.Cases;

/// <summary>Which case a command names, at which version the client last read it, and its request id.</summary>
public static class CaseCommand
{
    public static StreamCommand Target(InputCheck check, string operation, string caseId, string requestId,
        bool hasExpectedVersion, long expectedVersion) =>
        new(Operation(operation), "case", check.Id(caseId, "caseId"),
            StreamCommand.Version(hasExpectedVersion, expectedVersion, check), RequestId(requestId));

    /// <summary>A call that starts a case: no stream to name yet.</summary>
    public static CommandCall NewCase(string operation, string requestId) => new(Operation(operation), RequestId(requestId), null);

    /// <summary>The answer to most commands: the case and its version after them.</summary>
    public static CaseChanged Changed(Case before, IReadOnlyList<object> decided, long version) =>
        new() { CaseId = before.Id.ToString(), Version = (int)version };

    private static string Operation(string operation) => $"intake.{operation}";

    private static string? RequestId(string requestId) => string.IsNullOrWhiteSpace(requestId) ? null : requestId.Trim();
}
