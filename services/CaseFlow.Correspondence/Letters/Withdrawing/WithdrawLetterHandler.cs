using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Withdrawing;

public sealed class WithdrawLetterHandler(LetterCommands letters, TimeProvider clock)
{
    public Task<LetterChanged> Handle(WithdrawLetterRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = WithdrawLetterRules.Parse(request, clock.GetUtcNow());
        return letters.Run(stream, request, caller, command.LetterId, file => WithdrawLetterRules.Decide(file, command), ct);
    }
}
