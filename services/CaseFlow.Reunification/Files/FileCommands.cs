using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Reunification.Files;

/// <summary>
/// Which reunification file a command changes (and which member's track on it: null for the file's only track), at which
/// version the client last saw it, under which request id.
/// </summary>
public sealed record FileCommand(string Operation, Guid CaseId, long? ExpectedVersion, string? RequestId, string? MemberId = null)
{
    public const string What = "the reunification file of case";

    public StreamCommand ForStream => new($"reunification.{Operation}", What, CaseId, ExpectedVersion, RequestId);

    /// <summary>
    /// What every file command carries (the case, the track, when it happened, the version last read) checked with the
    /// command's own fields, so the caller learns every problem at once.
    /// </summary>
    public static (FileCommand Target, TCommand Command) Parse<TCommand>(string operation, string caseId, string? memberId, string? requestId,
        long? expectedVersion, Timestamp? occurredAt, DateTimeOffset now, Func<InputCheck, DateTimeOffset, TCommand> fields)
    {
        var check = new InputCheck();
        var id = check.Id(caseId, "caseId");
        var command = fields(check, check.BusinessTime(occurredAt, now));
        var version = StreamCommand.Version(expectedVersion is not null, expectedVersion ?? 0, check);
        check.ThrowIfAny();
        return (new FileCommand(operation, id, version, requestId, string.IsNullOrWhiteSpace(memberId) ? null : memberId.Trim()), command);
    }
}

/// <summary>
/// Commands on one track of a reunification file: parsed, decided on that track's view and answered, through the shared
/// write path; the facts decided are stamped with the track's member.
/// </summary>
public sealed class FileCommands(StreamCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Run<TRequest, TCommand>(TRequest request, Caller caller,
        Func<TRequest, DateTimeOffset, (FileCommand Target, TCommand Command)> parse,
        Func<ReunificationFile, TCommand, IReadOnlyList<object>> decide, CancellationToken ct)
        where TRequest : IMessage
    {
        var (target, command) = parse(request, clock.GetUtcNow());
        return commands.Run<ReunificationFile, ReunificationChanged>(target.ForStream, request, caller,
            file =>
            {
                var track = file.Track(target.MemberId);
                return decide(track, command).OnTrack(track);
            },
            (file, decided, version) => Changed(file.After(decided).Track(target.MemberId), version),
            ct);
    }

    /// <summary>The answer of a command: the stage of the track it was on.</summary>
    public static ReunificationChanged Changed(ReunificationFile track, long version) =>
        new() { CaseId = track.Id.ToString(), Version = (int)version, Stage = track.Stage.Name(), MemberId = track.TrackId ?? "" };
}
