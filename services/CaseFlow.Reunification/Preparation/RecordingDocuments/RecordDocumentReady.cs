namespace CaseFlow.Reunification.Preparation.RecordingDocuments;

public sealed record RecordDocumentReady(string Kind, string? Note, DateTimeOffset OccurredAt)
{
    public static (FileCommand, RecordDocumentReady) Parse(RecordDocumentReadyRequest r, DateTimeOffset now) =>
        FileCommand.Parse("RecordDocumentReady", r.CaseId, r.MemberId, r.RequestId, r.HasExpectedVersion ? r.ExpectedVersion : null, r.OccurredAt, now,
            (check, at) => new RecordDocumentReady(check.OneOf(r.Kind, DocumentKinds.All, "kind", "document kind"),
                check.OptionalText(r.Note, "note"), at));

    /// <summary>A document already ready is not ready again.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordDocumentReady command)
    {
        FileRules.EnsureNotTravelling(file);
        return file.DocumentsReady.Contains(command.Kind)
            ? []
            : [new DocumentReady(file.Id, command.Kind, file.OfMemberIfAny(command.Note), command.OccurredAt)];
    }
}
