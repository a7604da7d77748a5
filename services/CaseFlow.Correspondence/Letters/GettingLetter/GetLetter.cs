using CaseFlow.Correspondence.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Letters.GettingLetter;

public sealed class GetLetterHandler(EventSessions sessions, TimeProvider clock)
{
    public async Task<Api.V1.Letter> Handle(GetLetterRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var letterId = check.Id(request.LetterId, "letterId");
        check.ThrowIfAny();

        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.CorrespondenceFile>(caseId, ct)
            ?? throw new NotFound($"case {caseId} has no correspondence file");
        caller.EnsureCanRead(file.CenterId);
        var letter = file.Find(letterId);
        var answer = new Api.V1.Letter
        {
            CaseId = file.Id.ToString(), LetterId = letter.Id.ToString(), Version = (int)file.Version, CenterId = file.CenterId,
            AgencyId = letter.AgencyId, AgencyName = letter.AgencyName, Kind = letter.Kind, Language = letter.Language,
            TemplateId = letter.TemplateId ?? "", Subject = letter.Subject.Shown(), Body = letter.Body.Shown(), Status = Status(letter.Status),
            DraftedAt = Timestamp.FromDateTimeOffset(letter.DraftedAt), ApprovedBy = letter.ApprovedBy ?? "",
            Channel = letter.Channel ?? "", OutgoingReference = letter.OutgoingReference ?? "",
            ReplyDueBy = Day(letter.ReplyDueBy), Overdue = letter.IsOverdueAt(clock.GetUtcNow()),
            FollowUpCount = letter.FollowUpCount, WithdrawalReason = letter.WithdrawalReason.Shown(),
            RegisterNumber = letter.RegisterNumber ?? "",
            CorrectedSinceDraft = { letter.CorrectedSinceDraft ?? [] },
        };
        if (letter.SentAt is { } sentAt) answer.SentAt = Timestamp.FromDateTimeOffset(sentAt);
        if (letter.Consent is { } consent) (answer.ConsentId, answer.ConsentVersion) = (consent.ConsentId.ToString(), consent.Version);
        if (letter.Reply is { } reply)
            answer.Reply = new Reply
            {
                IncomingReference = reply.IncomingReference, Decision = reply.Decision, Summary = reply.Summary.Shown(),
                ReceivedAt = Timestamp.FromDateTimeOffset(reply.ReceivedAt),
            };
        return answer;
    }

    public static string Status(LetterStatus status) => status.ToString().ToLowerInvariant();

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "";
}
