using CaseFlow.Reunification.Api;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Travel;
using CaseFlow.Reunification.Travel.ReleasingSeats;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;

namespace CaseFlow.Reunification.Reunions.Ending;

/// <param name="Failed">True when the reunification failed (e.g. entry refused for good), false when it was called off.</param>
public sealed record EndReunification(bool Failed, string Reason, DateTimeOffset OccurredAt);

public static class EndReunificationRules
{
    public static (FileCommand, EndReunification) Parse(EndReunificationRequest request, bool failed, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var reason = check.Text(request.Reason, "reason", failed ? "why it failed" : "why it is cancelled");
        var occurredAt = check.OccurredAt(request.OccurredAt, now);
        var version = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return (new FileCommand(failed ? "FailReunification" : "CancelReunification", caseId, version, request.RequestId),
            new EndReunification(failed, reason, occurredAt));
    }

    /// <summary>The end of an open reunification; a seat or waitlist place it held goes to the next in line.</summary>
    public static TravelDecision Decide(ReunificationFile file, Flight? flight, EndReunification command)
    {
        FileRules.EnsureOpen(file);
        object ended = command.Failed
            ? new ReunificationFailed(file.Id, file.CenterId, command.Reason, command.OccurredAt)
            : new ReunificationCancelled(file.Id, file.CenterId, command.Reason, command.OccurredAt);
        return new TravelDecision([ended], LeaveFlight.Decide(flight, file.Id, command.Reason, command.OccurredAt));
    }
}
