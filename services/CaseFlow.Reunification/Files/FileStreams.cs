using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using JasperFx.Events;
using Marten;

namespace CaseFlow.Reunification.Files;

public static class FileStreams
{
    /// <summary>The file for writing, at the version the client last saw when given; only its center (or a supervisor) changes it.</summary>
    public static async Task<IEventStream<ReunificationFile>> FetchFile(this IDocumentSession session, Guid caseId,
        long? expectedVersion, Caller caller, CancellationToken ct)
    {
        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<ReunificationFile>(caseId, expected, ct)
            : await session.Events.FetchForWriting<ReunificationFile>(caseId, ct);
        var file = stream.Aggregate ?? throw new NotFound($"case {caseId} has no reunification file");
        caller.EnsureCanChange(file.CenterId);
        return stream;
    }

    /// <summary>The committed file, read outside the writing session (to learn which flight to lock first).</summary>
    public static async Task<ReunificationFile> Peek(this IDocumentSession session, Guid caseId, Caller caller, CancellationToken ct)
    {
        await using var query = session.DocumentStore.QuerySession();
        var file = await query.LoadAsync<ReunificationFile>(caseId, ct) ?? throw new NotFound($"case {caseId} has no reunification file");
        caller.EnsureCanChange(file.CenterId);
        return file;
    }
}
