using CaseFlow.ServiceDefaults.Privacy.AskingIntake;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reunification.CaseData;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Reunification.Files.GettingDetails;

/// <summary>
/// The file as Reunification keeps it, with the members' names and whereabouts as Intake shows them to the caller: the
/// track asked for (else the first) in the top-level fields, as they were when a file had one track, and every track.
/// </summary>
public sealed class GetReunificationHandler(EventSessions sessions, IntakeCases intake)
{
    public async Task<ReunificationDetails> Handle(GetReunificationRequest request, Caller caller, string? authorization, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<ReunificationFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no reunification file");
        caller.EnsureCanRead(file.CenterId);
        var shown = string.IsNullOrWhiteSpace(request.MemberId) ? file : file.Track(request.MemberId.Trim());
        var people = file.Member is null ? null : await intake.Find(caseId, authorization, ct);
        var details = Details(shown, people);
        details.Tracks.AddRange(file.EveryTrack().Select(track => Track(track, people)));
        return details;
    }

    private static ReunificationDetails Details(ReunificationFile file, CaseDetails? people) => new()
    {
        CaseId = file.Id.ToString(),
        Version = (int)file.Version,
        CenterId = file.CenterId,
        OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
        Stage = file.Stage.Name(),
        Member = MemberOf(file, people),
        Plan = file.Plan ?? "",
        PlanReason = file.PlanReason.Shown(),
        Priority = file.Priority,
#pragma warning disable CS0612 // still answered for clients of the name it had
        ConsentRecorded = file.TravelConsentRecorded,
#pragma warning restore CS0612
        TravelConsentRecorded = file.TravelConsentRecorded,
        TravelConsentGivenBy = file.TravelConsentGivenBy.Shown(),
        DocumentsReady = { file.DocumentsReady },
        Escort = file.Escort.Shown(),
        FlightId = file.Booking?.FlightId?.ToString() ?? "",
        FlightNumber = file.Booking?.FlightNumber ?? "",
        FlightDate = file.Booking?.FlightDate?.ToString("yyyy-MM-dd") ?? "",
        HandedOverTo = file.HandedOverTo.Shown(),
        ReunitedOn = file.ReunitedOn?.ToString("yyyy-MM-dd") ?? "",
        DaysSeparated = file.DaysSeparated ?? 0,
        EndReason = file.EndReason.Shown(),
        AgencyDecisions = { Decisions(file) },
    };

    private static ReunificationTrack Track(ReunificationFile track, CaseDetails? people) => new()
    {
        MemberId = track.TrackId ?? "",
        Stage = track.Stage.Name(),
        Member = MemberOf(track, people),
        Plan = track.Plan ?? "",
        PlanReason = track.PlanReason.Shown(),
        AgencyDecisions = { Decisions(track) },
        TravelConsentRecorded = track.TravelConsentRecorded,
        TravelConsentGivenBy = track.TravelConsentGivenBy.Shown(),
        DocumentsReady = { track.DocumentsReady },
        Escort = track.Escort.Shown(),
        FlightId = track.Booking?.FlightId?.ToString() ?? "",
        FlightNumber = track.Booking?.FlightNumber ?? "",
        FlightDate = track.Booking?.FlightDate?.ToString("yyyy-MM-dd") ?? "",
        HandedOverTo = track.HandedOverTo.Shown(),
        ReunitedOn = track.ReunitedOn?.ToString("yyyy-MM-dd") ?? "",
        DaysSeparated = track.DaysSeparated ?? 0,
        EndReason = track.EndReason.Shown(),
        Group = { track.Booking?.Group ?? [] },
    };

    private static IEnumerable<AgencyDecision> Decisions(ReunificationFile track) => track.AgencyDecisions.Select(d => new AgencyDecision
    {
        Agency = d.Agency, Decision = d.Decision, Summary = d.Summary.Shown(), DecidedAt = Timestamp.FromDateTimeOffset(d.DecidedAt),
    });

    private static Member? MemberOf(ReunificationFile track, CaseDetails? people)
    {
        if (track.Member is not { } member) return null;
        var known = people.Member(member.MemberId);
        return new Member
        {
            MemberId = member.MemberId, Relationship = member.Relationship, Name = known?.FullName ?? "", IsMinor = member.IsMinor,
            Country = member.Country, City = known?.Location?.City ?? "", Caregiver = known?.Caregiver ?? "",
            SeparatedSince = member.SeparatedSince.ToString("yyyy-MM-dd"),
        };
    }
}
