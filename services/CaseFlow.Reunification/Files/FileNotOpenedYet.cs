using JasperFx.Events;

namespace CaseFlow.Reunification.Files;

/// <summary>
/// A message about a case whose file this service has not opened yet (its CaseOpened is still on the way):
/// thrown so the broker redelivers it later, and parks it in the error queue if the case never comes.
/// </summary>
public sealed class FileNotOpenedYet(Guid caseId, string message)
    : Exception($"case {caseId} has no reunification file yet; {message} will be retried");

public static class OpenedFiles
{
    /// <summary>The file a consumer's news is about, for writing; <see cref="FileNotOpenedYet"/> while it has not been opened.</summary>
    public static async Task<IEventStream<ReunificationFile>> OpenedFile(this EventWriter writer, Guid caseId, string news,
        CancellationToken ct)
    {
        var stream = await writer.StartOrContinue<ReunificationFile>(caseId, ct);
        return stream.Aggregate is null ? throw new FileNotOpenedYet(caseId, news) : stream;
    }
}
