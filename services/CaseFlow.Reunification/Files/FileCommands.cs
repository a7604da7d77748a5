using CaseFlow.Reunification.Api.V1;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;

namespace CaseFlow.Reunification.Files;

/// <summary>A command that touches only the case's reunification file, through the shared write path.</summary>
public sealed record FileCommand(string Operation, Guid CaseId, long? ExpectedVersion, string? RequestId)
{
    public StreamCommand ForStream => new($"reunification.{Operation}", "the reunification file of case", CaseId, ExpectedVersion, RequestId);
}

public sealed class FileCommands(StreamCommands commands)
{
    public Task<ReunificationChanged> Run(FileCommand command, IMessage request, Caller caller,
        Func<ReunificationFile, IReadOnlyList<object>> decide, CancellationToken ct)
        => commands.Run<ReunificationFile, ReunificationChanged>(command.ForStream, request, caller,
            file => decide(file),
            (file, decided, version) => Changed(file.After(decided), version),
            ct);

    public static ReunificationChanged Changed(ReunificationFile file, long version) =>
        new() { CaseId = file.Id.ToString(), Version = (int)version, Stage = file.Stage.Name() };
}
