using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Preparation.RecordingDocuments;

public sealed record RecordDocumentReady(string Kind, string? Note, DateTimeOffset OccurredAt);

public static class RecordDocumentReadyRules
{
    public static (FileCommand, RecordDocumentReady) Parse(RecordDocumentReadyRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var kind = check.OneOf(request.Kind, DocumentKinds.All, "kind");
        var note = check.OptionalText(request.Note, "note");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("RecordDocumentReady", caseId, version, request.RequestId), new RecordDocumentReady(kind, note, occurredAt));
    }

    /// <summary>A document already ready is not ready again.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordDocumentReady command)
    {
        FileRules.EnsureNotTravelling(file);
        return file.DocumentsReady.Contains(command.Kind)
            ? []
            : [new DocumentReady(file.Id, command.Kind, command.Note, command.OccurredAt)];
    }
}

public sealed class RecordDocumentReadyHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(RecordDocumentReadyRequest request, Caller caller, CancellationToken ct)
    {
        var (command, document) = RecordDocumentReadyRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => RecordDocumentReadyRules.Decide(file, document), ct);
    }
}
