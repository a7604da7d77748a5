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
        var members = MembersIn(events);
        timeline.Entries.AddRange(events
            .Select(e => (Event: e, Line: Describe(CaseFlow.ServiceDefaults.Audit.BusinessTimes.Data(e, corrected), members)))
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
                MemberId = AboutMember(x.Event.Data) ?? "",
            }));
        return timeline;
    }

    private static (DateTimeOffset OccurredAt, string Source, string Summary)? Describe(object data, Members members) => data switch
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
        TravelArrangedNoted e => (e.OccurredAt, "reunification", $"{members.For(e.MemberId)}Seat on flight {e.FlightNumber} {e.From}→{e.To} on {e.FlightDate:yyyy-MM-dd}"),
        TravelDisruptedNoted e => (e.OccurredAt, "reunification",
            $"{members.For(e.MemberId)}Flight {e.FlightNumber} disrupted ({e.Reason}); {(e.RebookedFlightNumber is { } f ? $"rebooked on {f}" : e.Waitlisted ? "waitlisted" : "no seat yet")}"),
        // Reunification publishes whom the child was handed over to as empty (personal data stays in its API).
        ReunionReported e => (e.OccurredAt, "reunification",
            $"Reunited: {members.Label(e.MemberId)}{(e.HandedOverTo.Length > 0 ? $" handed over to {e.HandedOverTo}" : "")} after {e.DaysSeparated} days apart"),
        ReunificationFailureNoted e => (e.OccurredAt, "reunification", $"{members.For(e.MemberId)}Reunification failed{Because(e.Reason)}"),
        ReunificationCancellationNoted e => (e.OccurredAt, "reunification", $"{members.For(e.MemberId)}Reunification cancelled{Because(e.Reason)}"),
        _ => null,
    };

    /// <summary>The member an entry is about, by id (not personal): Reunification's news of a track, and Intake's of a member.</summary>
    private static string? AboutMember(object data) => data switch
    {
        FamilyMemberRecorded e => e.Member.MemberId,
        FamilyMemberUpdated e => e.Member.MemberId,
        FamilySeparationReported e => e.MemberId,
        TravelArrangedNoted e => e.MemberId,
        TravelDisruptedNoted e => e.MemberId,
        ReunionReported e => e.MemberId,
        ReunificationFailureNoted e => e.MemberId,
        ReunificationCancellationNoted e => e.MemberId,
        _ => null,
    };

    // Reunification publishes its reasons empty (personal data has one home: its API).
    private static string Because(string reason) => reason.Length > 0 ? $": {reason}" : "";

    /// <summary>
    /// The family as the stream last described it. Reunification's news names a member by id only; the entry shows the
    /// member as Intake knows them, in the summary, which the access policy declares personal like every name in it.
    /// </summary>
    private sealed class Members(Dictionary<string, (string Relationship, Sealed<MemberDetails> Details)> known)
    {
        public string Label(string memberId) =>
            known.TryGetValue(memberId, out var m) ? $"{memberId} ({m.Relationship} {NameOf(m.Details)})" : memberId;

        /// <summary>The prefix naming the member; none on news from before tracks (the case's only separated member).</summary>
        public string For(string? memberId) => memberId is null ? "" : $"{Label(memberId)}: ";
    }

    private static Members MembersIn(IReadOnlyList<IEvent> events)
    {
        var known = new Dictionary<string, (string, Sealed<MemberDetails>)>();
        foreach (var data in events.Select(e => e.Data))
            if (AboutMember(data) is { } memberId && Described(data) is { } described) known[memberId] = described;
        return new Members(known);
    }

    private static (string Relationship, Sealed<MemberDetails> Details)? Described(object data) => data switch
    {
        FamilyMemberRecorded e => (e.Member.Relationship, e.Member.Details),
        FamilyMemberUpdated e => (e.Member.Relationship, e.Member.Details),
        FamilySeparationReported e => (e.Relationship, e.Member),
        _ => null,
    };

    private static string NameOf(Sealed<MemberDetails> member) => member.Value?.FullName ?? Sealed.ErasedText;
}
