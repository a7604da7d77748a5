using CaseFlow.ServiceDefaults.Privacy.AskingIntake;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reunification.CaseData;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Reunification.Files.GettingDetails;

/// <summary>The file as Reunification keeps it, with the member's name and whereabouts as Intake shows them to the caller.</summary>
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
        var people = file.Member is null ? null : await intake.Find(caseId, authorization, ct);
        return Details(file, people.Member(file.Member?.MemberId ?? ""));
    }

    private static ReunificationDetails Details(ReunificationFile file, FamilyMember? known)
    {
        var details = new ReunificationDetails
        {
            CaseId = file.Id.ToString(),
            Version = (int)file.Version,
            CenterId = file.CenterId,
            OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
            Stage = file.Stage.Name(),
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
            AgencyDecisions =
            {
                file.AgencyDecisions.Select(d => new AgencyDecision
                {
                    Agency = d.Agency, Decision = d.Decision, Summary = d.Summary.Shown(), DecidedAt = Timestamp.FromDateTimeOffset(d.DecidedAt),
                }),
            },
        };
        if (file.Member is { } member)
            details.Member = new Member
            {
                MemberId = member.MemberId, Relationship = member.Relationship, Name = known?.FullName ?? "", IsMinor = member.IsMinor,
                Country = member.Country, City = known?.Location?.City ?? "", Caregiver = known?.Caregiver ?? "",
                SeparatedSince = member.SeparatedSince.ToString("yyyy-MM-dd"),
            };
        return details;
    }
}
