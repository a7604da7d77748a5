using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Letters;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Replies.FollowingUp;

public sealed class SendFollowUpHandler(LetterCommands letters, AgencyDirectory agencies, TimeProvider clock)
{
    public async Task<LetterChanged> Handle(SendFollowUpRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = SendFollowUpRules.Parse(request, clock.GetUtcNow());
        if (command.ReplyDueBy is null)
            command = command with { DefaultReplyDays = await agencies.DefaultReplyDaysFor(stream.StreamId, command.LetterId, ct) };
        return await letters.Run(stream, request, caller, command.LetterId, file => SendFollowUpRules.Decide(file, command), ct);
    }
}
