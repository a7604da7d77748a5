namespace CaseFlow.Reunification.Files;

/// <summary>
/// A message about a case whose file this service has not opened yet (its CaseOpened is still on the way):
/// thrown so the broker redelivers it later, and parks it in the error queue if the case never comes.
/// </summary>
public sealed class FileNotOpenedYet(Guid caseId, string message)
    : Exception($"case {caseId} has no reunification file yet; {message} will be retried");
