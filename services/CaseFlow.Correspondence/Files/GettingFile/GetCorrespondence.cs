using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Letters.GettingLetter;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Files.GettingFile;

public sealed class GetCorrespondenceHandler(EventSessions sessions, TimeProvider clock)
{
    public async Task<Api.V1.CorrespondenceFile> Handle(GetCorrespondenceRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.CorrespondenceFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no correspondence file");
        caller.EnsureCanRead(file.CenterId);
        var now = clock.GetUtcNow();
        return new Api.V1.CorrespondenceFile
        {
            CaseId = file.Id.ToString(),
            Version = (int)file.Version,
            CenterId = file.CenterId,
            OpenedAt = Timestamp.FromDateTimeOffset(file.OpenedAt),
            LetterCount = file.LetterCount,
            Closed = file.Closed,
            Consents = { file.Consents.Select(Shown) },
            Letters =
            {
                file.Letters.Values.OrderBy(l => l.DraftedAt).ThenBy(l => l.Id).Select(l => new LetterSummary
                {
                    LetterId = l.Id.ToString(), AgencyId = l.AgencyId, AgencyName = l.AgencyName, Kind = l.Kind,
                    Language = l.Language, Subject = l.Subject.Shown(), Status = GetLetterHandler.Status(l.Status),
                    ReplyDueBy = GetLetterHandler.Day(l.ReplyDueBy), Overdue = l.IsOverdueAt(now),
                }),
            },
        };
    }

    private static Api.V1.SharingConsent Shown(ServiceDefaults.Privacy.Consent.SharingConsent consent)
    {
        var shown = new Api.V1.SharingConsent
        {
            ConsentId = consent.ConsentId.ToString(), Version = consent.Version, AgencyKinds = { consent.AgencyKinds },
            Purpose = consent.Purpose, GivenAt = Timestamp.FromDateTimeOffset(consent.GivenAt),
        };
        if (consent.WithdrawnAt is { } withdrawnAt) shown.WithdrawnAt = Timestamp.FromDateTimeOffset(withdrawnAt);
        return shown;
    }
}
