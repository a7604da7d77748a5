using CaseFlow.Correspondence.Register.Numbering;

namespace CaseFlow.Correspondence.Register.RecordingIncomingMail;

/// <summary>Mail that came to the center about the case, answering one of our letters or not, under its incoming register number.</summary>
/// <param name="Summary">Sealed under the applicant: what the mail says about them.</param>
/// <param name="AgencyId">The sender when it is in the agency directory; null for anyone else.</param>
public sealed record IncomingMailRecorded(
    Guid CaseId, string CenterId, Guid MailId, string RegisterNumber, string? AgencyId, string Sender, string TheirReference,
    Sealed<string> Summary, Guid? InReplyToLetterId, DateTimeOffset OccurredAt);

public sealed record RecordIncomingMail(
    Guid MailId, string? AgencyId, string Sender, string TheirReference, string Summary, Guid? InReplyToLetterId, DateTimeOffset ReceivedAt)
{
    public static (StreamCommand File, RecordIncomingMail Command) Parse(Api.V1.RecordIncomingMailRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var agencyId = string.IsNullOrWhiteSpace(request.AgencyId) ? null : request.AgencyId.Trim();
        var sender = check.Text(request.Sender, "sender", agencyId is null ? "the sender (or agencyId)" : null, LetterLimits.MaxSubject);
        var reference = check.Text(request.TheirReference, "theirReference", max: LetterLimits.MaxReference);
        var summary = check.Text(request.Summary, "summary", "a summary of the mail", LetterLimits.MaxText);
        Guid? inReplyTo = string.IsNullOrWhiteSpace(request.InReplyToLetterId) ? null : check.Id(request.InReplyToLetterId, "inReplyToLetterId");
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        var receivedAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (new StreamCommand("correspondence.RecordIncomingMail", "correspondence file of case", caseId, expected, request.RequestId),
            new RecordIncomingMail(Guid.CreateVersion7(), agencyId, sender, reference, summary, inReplyTo, receivedAt));
    }

    /// <param name="agencyName">The directory's name of <see cref="AgencyId"/>, when given.</param>
    public IncomingMailRecorded Decide(CorrespondenceFile file, string? agencyName, string registerNumber)
    {
        if (InReplyToLetterId is { } letterId && file.Find(letterId).SentAt is null)
            throw new RuleViolated($"letter {letterId} was never sent: mail cannot answer it");
        LetterRules.EnsureNotBefore(ReceivedAt, file.OpenedAt, "the case was opened");
        var sender = Sender.Length > 0 ? Sender : agencyName ?? AgencyId!;
        return new IncomingMailRecorded(file.Id, file.CenterId, MailId, registerNumber, AgencyId, sender, TheirReference,
            Sealed.For(Subjects.Applicant(file.Id), Summary), InReplyToLetterId, ReceivedAt);
    }
}

/// <summary>Checks the sender against the directory, then records the mail and takes its incoming number in one transaction.</summary>
public sealed class RecordIncomingMailHandler(Agencies.AgencyDirectory agencies, RegisterNumbers numbers)
{
    public async Task<(StreamCommand File, Func<EventWriter, Task<Api.V1.IncomingMailChanged>> Work)> Prepare(
        Api.V1.RecordIncomingMailRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var (file, command) = RecordIncomingMail.Parse(request, now);
        string? agencyName = null;
        if (command.AgencyId is { } agencyId)
            agencyName = (await agencies.Find(agencyId, ct))?.Name
                ?? throw new InvalidInput("agencyId", $"unknown agency '{agencyId}'; the directory is at /v1/agencies");
        return (file, async writer =>
        {
            var stream = await writer.Existing<CorrespondenceFile>(file.StreamId, file.ExpectedVersion, file.What, ct);
            var state = stream.Aggregate!;
            // Decided first: a refused mail takes no number.
            command.Decide(state, agencyName, "");
            var number = await numbers.Take(writer, state.CenterId, RegisterDirection.Incoming, state.Id, command.MailId, command.ReceivedAt, ct);
            stream.AppendOne(command.Decide(state, agencyName, number));
            return new Api.V1.IncomingMailChanged
            {
                CaseId = state.Id.ToString(), MailId = command.MailId.ToString(), RegisterNumber = number, Version = (int)(stream.CurrentVersion ?? 0),
            };
        });
    }
}
