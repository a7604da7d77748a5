using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Reunions.Completing;

public sealed record RecordReunion(string HandedOverTo, DateTimeOffset OccurredAt);

public static class RecordReunionRules
{
    public static (FileCommand, RecordReunion) Parse(RecordReunionRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var handedOverTo = check.Text(request.HandedOverTo, "handedOverTo", "to whom the traveller was handed over",
            CommandInput.MaxNameLength);
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("RecordReunion", caseId, version, request.RequestId), new RecordReunion(handedOverTo, occurredAt));
    }

    /// <summary>The family is together again once the traveller has arrived; days apart run from the separation to this day.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, RecordReunion command)
    {
        var member = FileRules.EnsureOpen(file);
        if (file.Stage != ReunificationStage.Arrived)
            throw new RuleViolated($"the traveller of case {file.Id} has not arrived ({file.Stage.Name()}): a reunion requires the arrival");
        // Business times reach us in UTC; the day of the reunion is taken in UTC too.
        var reunitedOn = DateOnly.FromDateTime(command.OccurredAt.UtcDateTime);
        var days = reunitedOn.DayNumber - member.SeparatedSince.DayNumber;
        if (days < 0) throw new RuleViolated($"the reunion ({reunitedOn:yyyy-MM-dd}) cannot be before the separation ({member.SeparatedSince:yyyy-MM-dd})");
        return [new Reunited(file.Id, file.CenterId, member.MemberId, command.HandedOverTo, member.SeparatedSince, reunitedOn, days,
            command.OccurredAt)];
    }
}

public sealed class RecordReunionHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(RecordReunionRequest request, Caller caller, CancellationToken ct)
    {
        var (command, reunion) = RecordReunionRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => RecordReunionRules.Decide(file, reunion), ct);
    }
}
