using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Preparation.RecordingConsent;

/// <summary>The guardian's consent to the child's travel: one of the three things a child needs for a seat.</summary>
public sealed record RecordConsent(string GivenBy, string? Note, DateTimeOffset OccurredAt);

public static class RecordConsentRules
{
    public static (FileCommand, RecordConsent) Parse(RecordConsentRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var givenBy = check.Text(request.GivenBy, "givenBy", "who gave the consent", CommandInput.MaxNameLength);
        var note = check.OptionalText(request.Note, "note");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("RecordConsent", caseId, version, request.RequestId), new RecordConsent(givenBy, note, occurredAt));
    }

    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordConsent command)
    {
        FileRules.EnsureNotTravelling(file);
        return [new ConsentRecorded(file.Id, command.GivenBy, command.Note, command.OccurredAt)];
    }
}

public sealed class RecordConsentHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(RecordConsentRequest request, Caller caller, CancellationToken ct)
    {
        var (command, consent) = RecordConsentRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => RecordConsentRules.Decide(file, consent), ct);
    }
}
