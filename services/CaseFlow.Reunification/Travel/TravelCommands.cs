using Google.Protobuf;

namespace CaseFlow.Reunification.Travel;

/// <summary>
/// API commands on a track and the flight it is booked on (giving up a seat, ending the reunification), through the
/// shared write path: in turn on that flight, then as <see cref="FileAndFlight.Change"/>.
/// </summary>
public sealed class TravelCommands(StreamCommands commands, TimeProvider clock)
{
    public Task<ReunificationChanged> Run<TRequest, TCommand>(TRequest request, Caller caller,
        Func<TRequest, DateTimeOffset, (FileCommand Target, TCommand Command)> parse,
        Func<ReunificationFile, Flight?, TCommand, TravelDecision> decide, CancellationToken ct)
        where TRequest : IMessage
    {
        var (target, command) = parse(request, clock.GetUtcNow());
        return commands.RunInTurn(target.ForStream.Call, request, caller,
            query => FileAndFlight.BookedFlight(query, target.CaseId, target.MemberId, ct),
            async writer =>
            {
                var (file, version) = await FileAndFlight.Change(writer, target.CaseId, target.MemberId, target.ExpectedVersion,
                    (track, flight) => decide(track, flight, command), ct);
                return FileCommands.Changed(file.Track(target.MemberId), version);
            }, ct);
    }
}
