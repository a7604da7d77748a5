using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Approving;

public sealed class ApproveLetterHandler(LetterCommands letters, TimeProvider clock)
{
    public Task<LetterChanged> Handle(ApproveLetterRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = ApproveLetterRules.Parse(request, caller, clock.GetUtcNow());
        return letters.Run(stream, request, caller, command.LetterId, file => ApproveLetterRules.Decide(file, command), ct);
    }
}
