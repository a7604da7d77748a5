using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.Reunification.Files.GettingDetails;

public sealed class GetReunificationHandler(EventSessions sessions)
{
    public async Task<ReunificationDetails> Handle(GetReunificationRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<ReunificationFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no reunification file");
        caller.EnsureCanRead(file.CenterId);
        return Details(file);
    }

    private static ReunificationDetails Details(ReunificationFile file)
    {
        var details = new ReunificationDetails
        {
            CaseId = file.Id.ToString(),
            Version = (int)file.Version,
            CenterId = file.CenterId,
            OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
            Stage = file.Stage.Name(),
            Plan = file.Plan ?? "",
            PlanReason = file.PlanReason ?? "",
            Priority = file.Priority,
            ConsentRecorded = file.ConsentRecorded,
            DocumentsReady = { file.DocumentsReady },
            Escort = file.Escort ?? "",
            FlightId = file.Booking?.FlightId?.ToString() ?? "",
            FlightNumber = file.Booking?.FlightNumber ?? "",
            FlightDate = file.Booking?.FlightDate?.ToString("yyyy-MM-dd") ?? "",
            HandedOverTo = file.HandedOverTo ?? "",
            ReunitedOn = file.ReunitedOn?.ToString("yyyy-MM-dd") ?? "",
            DaysSeparated = file.DaysSeparated ?? 0,
            EndReason = file.EndReason ?? "",
            AgencyDecisions =
            {
                file.AgencyDecisions.Select(d => new AgencyDecision
                {
                    Agency = d.Agency, Decision = d.Decision, Summary = d.Summary, DecidedAt = Timestamp.FromDateTimeOffset(d.DecidedAt),
                }),
            },
        };
        if (file.Member is { } member)
            details.Member = new Member
            {
                MemberId = member.MemberId, Relationship = member.Relationship, Name = member.Name, IsMinor = member.IsMinor,
                Country = member.Country, City = member.City, Caregiver = member.Caregiver ?? "",
                SeparatedSince = member.SeparatedSince.ToString("yyyy-MM-dd"),
            };
        return details;
    }
}
