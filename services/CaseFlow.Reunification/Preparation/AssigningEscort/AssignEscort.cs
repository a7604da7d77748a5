using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Reunification.Preparation.AssigningEscort;

/// <summary>Who travels with the child (e.g. a returning migrant on the same charter).</summary>
public sealed record AssignEscort(string EscortName, string? Note, DateTimeOffset OccurredAt);

public static class AssignEscortRules
{
    public static (FileCommand, AssignEscort) Parse(AssignEscortRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var escort = check.Text(request.EscortName, "escortName", "the escort's name", CommandInput.MaxNameLength);
        var note = check.OptionalText(request.Note, "note");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand("AssignEscort", caseId, version, request.RequestId), new AssignEscort(escort, note, occurredAt));
    }

    /// <summary>The escort travels with the seat: once a seat is held, release it to change the escort.</summary>
    public static IReadOnlyList<object> Decide(ReunificationFile file, AssignEscort command)
    {
        FileRules.EnsureNotTravelling(file);
        if (file.Escort == command.EscortName) return [];
        if (file.Booking is { Seated: true })
            throw new RuleViolated($"case {file.Id} holds a seat with escort '{file.Escort}': release the seat to change the escort");
        return [new EscortAssigned(file.Id, command.EscortName, command.Note, command.OccurredAt)];
    }
}

public sealed class AssignEscortHandler(FileCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Handle(AssignEscortRequest request, Caller caller, CancellationToken ct)
    {
        var (command, escort) = AssignEscortRules.Parse(request, clock.GetUtcNow());
        return commands.Run(command, request, caller, file => AssignEscortRules.Decide(file, escort), ct);
    }
}
