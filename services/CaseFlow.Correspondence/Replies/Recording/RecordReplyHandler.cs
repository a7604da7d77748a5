using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Letters;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Replies.Recording;

public sealed class RecordReplyHandler(LetterCommands letters, TimeProvider clock)
{
    public Task<LetterChanged> Handle(RecordReplyRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = RecordReplyRules.Parse(request, clock.GetUtcNow());
        return letters.Run(stream, request, caller, command.LetterId, file => RecordReplyRules.Decide(file, command), ct);
    }
}
