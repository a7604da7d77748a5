using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Sending;

public sealed class SendLetterHandler(LetterCommands letters, AgencyDirectory agencies, TimeProvider clock)
{
    public async Task<LetterChanged> Handle(SendLetterRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = SendLetterRules.Parse(request, clock.GetUtcNow());
        if (command.ReplyDueBy is null)
            command = command with { DefaultReplyDays = await agencies.DefaultReplyDaysFor(stream.StreamId, command.LetterId, ct) };
        return await letters.Run(stream, request, caller, command.LetterId, file => SendLetterRules.Decide(file, command), ct);
    }
}
