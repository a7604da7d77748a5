using Google.Protobuf.WellKnownTypes;
using JasperFx.Events;
using CaseFlow.Intake.Cases.Consenting;
using CaseFlow.Intake.Cases.Erasing;
using V1 = CaseFlow.Intake.Api.V1;
using CaseOpened = CaseFlow.Intake.Cases.Opening.CaseOpened;

namespace CaseFlow.Intake.Cases.Timeline;

/// <summary>The case's stream told as a story: one line per fact, in business-time order, whoever recorded it.</summary>
public static class CaseTimelineView
{
    public static async Task<V1.CaseTimeline> Read(IQuerySession session, V1.GetCaseTimelineRequest request, Caller caller,
        CancellationToken ct)
    {
        var state = await CaseLookup.Readable(session, request.CaseId, caller, ct);
        return From(state.Id, await session.Events.FetchStreamAsync(state.Id, token: ct));
    }

    public static V1.CaseTimeline From(Guid caseId, IReadOnlyList<IEvent> events)
    {
        var timeline = new V1.CaseTimeline { CaseId = caseId.ToString() };
        var corrected = CaseFlow.ServiceDefaults.Audit.BusinessTimes.Corrected(events);
        timeline.Entries.AddRange(events
            .Select(e => (Event: e, Line: Describe(CaseFlow.ServiceDefaults.Audit.BusinessTimes.Data(e, corrected))))
            .Where(x => x.Line is not null)
            .OrderBy(x => x.Line!.Value.OccurredAt).ThenBy(x => x.Event.Version)
            .Select(x => new V1.TimelineEntry
            {
                OccurredAt = Timestamp.FromDateTimeOffset(x.Line!.Value.OccurredAt),
                RecordedAt = Timestamp.FromDateTimeOffset(x.Event.Timestamp),
                Source = x.Line.Value.Source,
                Type = x.Event.Data.GetType().Name,
                Summary = x.Line.Value.Summary,
                Actor = x.Event.UserName ?? "",
            }));
        return timeline;
    }

    private static (DateTimeOffset OccurredAt, string Source, string Summary)? Describe(object data) => data switch
    {
        CaseOpened e => (e.OccurredAt, "intake", $"Case opened at {e.CenterId} ({e.Category}, {e.Channel}) for {e.ApplicantName.Shown()}"),
        ApplicantRegistered e => (e.OccurredAt, "intake", $"Applicant registered: {e.Applicant.Value?.FullName ?? Sealed.ErasedText}"),
        ApplicantDetailsCorrected e => (e.OccurredAt, "intake", $"Applicant details corrected: {e.Reason.Shown()}"),
        FamilyMemberRecorded e => (e.OccurredAt, "intake", $"Family member recorded: {e.Member.Relationship} {NameOf(e.Member.Details)}"),
        FamilyMemberUpdated e => (e.OccurredAt, "intake", $"Family member updated: {e.Member.Relationship} {NameOf(e.Member.Details)}"),
        FamilySeparationReported e => (e.OccurredAt, "intake",
            $"Separation reported: {e.Relationship} {NameOf(e.Member)} in {e.Member.Value?.Location?.City ?? Sealed.ErasedText}, {e.Country} since {e.SeparatedSince:yyyy-MM-dd}, in the care of {(e.Member.IsErased ? Sealed.ErasedText : e.Member.Value!.Caregiver ?? "nobody known")}"),
        VulnerabilityRaised e => (e.OccurredAt, "intake", $"Vulnerability raised: {e.Kind} ({e.Note.Shown()}); priority {Words.Of(e.PriorityAfter)}"),
        VulnerabilityCleared e => (e.OccurredAt, "intake", $"Vulnerability cleared: {e.Kind}; priority {Words.Of(e.PriorityAfter)}"),
        ConsultationHeld e => (e.OccurredAt, "intake", $"Consultation by {e.Lawyer} on {e.Topic.Shown()}: {e.Advice.Shown()}"),
        CaseAssigned e => (e.OccurredAt, "intake", $"Assigned to {e.Operator}"),
        CaseTransferred e => (e.OccurredAt, "intake", $"Transferred from {e.FromCenterId} to {e.ToCenterId}: {e.Reason.Shown()}"),
        CaseReferred e => (e.OccurredAt, "intake", $"Referred to {e.ReferredTo}: {e.Reason.Shown()}"),
        CaseClosed e => (e.OccurredAt, "intake", $"Case closed as {Words.Of(e.Outcome)}: {e.Summary.Shown()}"),
        CaseReopened e => (e.OccurredAt, "intake", $"Case reopened: {e.Reason.Shown()}"),
        ConsentToShareGiven e => (e.OccurredAt, "intake",
            $"Consent to share given (version {e.Consent.Version}) with {string.Join(", ", e.Consent.AgencyKinds)} for {e.Consent.Purpose}"),
        ConsentToShareWithdrawn e => (e.OccurredAt, "intake", $"Consent to share withdrawn (version {e.Consent.Version})"),
        PersonalDataErased e => (e.OccurredAt, "intake", $"Personal data of {e.Person} erased ({e.LegalBasis}): {e.Reason}"),
        LetterSentNoted e => (e.OccurredAt, "correspondence",
            $"Letter {e.RegisterNumber ?? e.OutgoingReference} ({e.Kind}) sent to {e.AgencyName}; reply due by {e.ReplyDueBy:yyyy-MM-dd}"),
        CorrectingBusinessTime.BusinessTimeCorrected e => (e.OccurredAt, "intake",
            $"Time of {e.FactType} (fact {e.FactVersion}) corrected from {e.WasAt:yyyy-MM-dd HH:mm} to {e.CorrectedAt:yyyy-MM-dd HH:mm} UTC: {e.Reason.Shown()}"),
        AgencyReplyNoted e => (e.OccurredAt, "correspondence", $"{e.AgencyName} replied ({e.Decision}): {e.Summary}"),
        ReplyOverdueNoted e => (e.OccurredAt, "correspondence", $"No reply from {e.AgencyName} by {e.ReplyDueBy:yyyy-MM-dd}"),
        TravelArrangedNoted e => (e.OccurredAt, "reunification", $"{ForMember(e.MemberId)}Seat on flight {e.FlightNumber} {e.From}→{e.To} on {e.FlightDate:yyyy-MM-dd}"),
        TravelDisruptedNoted e => (e.OccurredAt, "reunification",
            $"{ForMember(e.MemberId)}Flight {e.FlightNumber} disrupted ({e.Reason}); {(e.RebookedFlightNumber is { } f ? $"rebooked on {f}" : e.Waitlisted ? "waitlisted" : "no seat yet")}"),
        ReunionReported e => (e.OccurredAt, "reunification", $"Reunited: {e.MemberId} handed over to {e.HandedOverTo} after {e.DaysSeparated} days apart"),
        ReunificationFailureNoted e => (e.OccurredAt, "reunification", $"{ForMember(e.MemberId)}Reunification failed: {e.Reason}"),
        ReunificationCancellationNoted e => (e.OccurredAt, "reunification", $"{ForMember(e.MemberId)}Reunification cancelled: {e.Reason}"),
        _ => null,
    };

    private static string ForMember(string? memberId) => memberId is null ? "" : $"{memberId}: ";

    private static string NameOf(Sealed<MemberDetails> member) => member.Value?.FullName ?? Sealed.ErasedText;
}
