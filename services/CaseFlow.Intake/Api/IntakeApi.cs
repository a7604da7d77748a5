using CaseFlow.Intake.Cases.Opening;
using Google.Protobuf;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>
/// The gRPC (and JSON) face of Intake: each call hands its request to its slice (<c>Cases/&lt;WhatHappens&gt;</c>), which
/// parses it and decides, and the decision to the shared write path. The partial files group the calls by what they are about.
/// </summary>
public sealed partial class IntakeApi(
    StreamCommands commands, EventSessions sessions, ReferenceData.ReferenceData reference, TimeProvider clock,
    BlindIndex index, SubjectKeys keys, Cases.Dashboards.GetCaseloadStatisticsHandler statistics) : V1.Intake.IntakeBase
{
    public override Task<OpenCaseResponse> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        OpenCaseRules.Handle(commands, request, CallerOf(context), reference, Now, context.CancellationToken);

    private DateTimeOffset Now => clock.GetUtcNow();

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context);

    /// <summary>A command on a case, answered with the case id and its new version.</summary>
    private Task<CaseChanged> Change<TCommand>(ServerCallContext context, IMessage request,
        Func<Caller, (StreamCommand Target, TCommand Command)> parse, Func<Case, TCommand, IReadOnlyList<object>> decide) =>
        Change(context, request, parse, decide, CaseCommand.Changed);

    /// <summary>Who calls is known before what they sent is read: an unknown role is refused before any input problem.</summary>
    private Task<TResponse> Change<TCommand, TResponse>(ServerCallContext context, IMessage request,
        Func<Caller, (StreamCommand Target, TCommand Command)> parse, Func<Case, TCommand, IReadOnlyList<object>> decide,
        Respond<Case, TResponse> respond) where TResponse : IMessage<TResponse>, new()
    {
        var caller = CallerOf(context);
        var (target, command) = parse(caller);
        return commands.Run(target, request, caller, state => decide(state, command), respond, context.CancellationToken);
    }

    private async Task<T> Read<T>(ServerCallContext context, Func<IQuerySession, Caller, CancellationToken, Task<T>> read)
    {
        var caller = CallerOf(context);
        await using var session = sessions.Query();
        return await read(session, caller, context.CancellationToken);
    }
}
