using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Templates;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Letters.Revising;

public sealed class ReviseLetterHandler(LetterCommands letters, TimeProvider clock)
{
    public Task<LetterChanged> Handle(ReviseLetterRequest request, Caller caller, CancellationToken ct)
    {
        var (stream, command) = ReviseLetterRules.Parse(request, clock.GetUtcNow());
        // A revision is final text: any placeholder left in it is a mistake, caught here with its field.
        var text = LetterText.Parse(command.Subject, command.Body);
        if (text.Placeholders.Count > 0)
            throw new ServiceDefaults.Errors.InvalidInput("body", $"a revision is the final text; remove the placeholders {string.Join(", ", text.Placeholders)}");
        return letters.Run(stream, request, caller, command.LetterId, file => ReviseLetterRules.Decide(file, command), ct);
    }
}
