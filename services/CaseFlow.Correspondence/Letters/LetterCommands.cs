using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;

namespace CaseFlow.Correspondence.Letters;

/// <summary>Runs a letter decision on the case's correspondence file through the one write path.</summary>
public sealed class LetterCommands(StreamCommands commands)
{
    public Task<LetterChanged> Run(StreamCommand stream, IMessage request, Caller caller, Guid letterId,
        Func<Files.CorrespondenceFile, IReadOnlyList<object>> decide, CancellationToken ct) =>
        commands.Run<Files.CorrespondenceFile, LetterChanged>(stream, request, caller,
            file => decide(file),
            (file, _, version) => new LetterChanged { CaseId = file.Id.ToString(), LetterId = letterId.ToString(), Version = (int)version },
            ct);
}
