using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.Audit.Api.V1;
using CaseFlow.ServiceDefaults.Audit.AccessLog;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using JasperFx.Events;
using Marten;

namespace CaseFlow.ServiceDefaults.Audit;

/// <summary>The per-case stream a service audits, and which center owns a case in it.</summary>
public sealed record AuditedStream<TState>(Func<TState, string?> CenterOf) where TState : class;

/// <summary>History, state as of any time or version, and chain verification — the same in every service.</summary>
public sealed class CaseAuditApi<TState>(IDocumentStore store, AuditedStream<TState> audited, ServiceIdentity service,
    HistoryReader historyReader, HashChain chain, AccessLogAudit accessLog, SubjectCipher cipher, TimeProvider clock) : CaseAudit.CaseAuditBase where TState : class
{
    public override async Task<CaseHistory> GetCaseHistory(GetCaseHistoryRequest request, ServerCallContext context)
    {
        var caseId = await Authorize(request.CaseId, context);
        var history = new CaseHistory { CaseId = caseId.ToString(), Service = service.Name };
        history.Events.AddRange(await historyReader.Read(caseId, context.CancellationToken));
        return history;
    }

    public override async Task<CaseStateAt> GetCaseStateAt(GetCaseStateAtRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        check.That(request.Version >= 0, "version", "must be 0 (latest) or a version of the stream");
        check.ThrowIfAny();
        var (caseId, events) = await Load(request.CaseId, context);
        var asOf = request.AsOf?.ToDateTimeOffset();
        var knownAt = request.KnownAt?.ToDateTimeOffset();
        var known = events.Where(e => (request.Version == 0 || e.Version <= request.Version) && (knownAt is null || e.Timestamp <= knownAt))
            .ToList();
        // A fact whose business time was corrected (by a correction known by then) happened at the corrected time.
        var corrected = BusinessTimes.Corrected(known);
        var chosen = known.Where(e => asOf is null || BusinessTimes.Of(e, corrected) <= asOf)
            .Select(e => (e.Version, BusinessTimes.Data(e, corrected)));
        var (state, version, applied) = StateFolder.Fold<TState>(chosen);
        return new CaseStateAt
        {
            CaseId = caseId.ToString(), Service = service.Name, Version = version, EventsApplied = applied,
            State = state is null ? null : JsonStruct.Parse(SealedJson.Opened(store.Options.Serializer().ToJson(state), cipher)),
        };
    }

    public override async Task<CaseVerification> VerifyCase(VerifyCaseRequest request, ServerCallContext context)
    {
        var caseId = await Authorize(request.CaseId, context, evenWithoutEvents: true);
        await using var session = store.QuerySession();
        var recorded = await session.Events.FetchStreamStateAsync(caseId, context.CancellationToken);
        var head = await session.LoadAsync<StreamHead>(caseId, context.CancellationToken);
        var checkpoint = request.CheckpointVersion > 0 ? new Checkpoint(request.CheckpointVersion, request.CheckpointHash) : null;
        try
        {
            var events = await session.Events.FetchStreamAsync(caseId, token: context.CancellationToken);
            return ChainVerification.Verify(events, store.Options.Serializer(), chain, caseId, recorded?.Version ?? 0, head, checkpoint)
                .Answer(caseId, service.Name);
        }
        catch (Marten.Exceptions.EventDeserializationFailureException unreadable)
        {
            return (await Unreadable(session, caseId, unreadable, context.CancellationToken)).Answer(caseId, service.Name);
        }
    }

    /// <summary>
    /// An event whose stored data no longer even reads as its type was altered: the events before it are verified, and
    /// if they hold, it is the first broken one.
    /// </summary>
    private async Task<ChainCheck> Unreadable(IQuerySession session, Guid caseId, Marten.Exceptions.EventDeserializationFailureException unreadable,
        CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var version = (await session.QueryAsync<long>($"select version from {schema}.mt_events where seq_id = ?", ct, unreadable.Sequence)).Single();
        var before = await session.Events.FetchStreamAsync(caseId, version - 1, token: ct);
        var check = ChainVerification.Verify(before, store.Options.Serializer(), chain, caseId, version - 1,
            new StreamHead(caseId, version - 1, before.Count > 0 ? HashChain.StoredHash(before[^1]) ?? "" : HashChain.Genesis,
                before.Count > 0 ? chain.SealHead(caseId, version - 1, HashChain.StoredHash(before[^1]) ?? "") : chain.SealHead(caseId, 0, HashChain.Genesis),
                clock.GetUtcNow()));
        return check.Intact
            ? new ChainCheck(false, check.EventsChecked, version, unreadable.EventTypeName,
                $"event {version} ({unreadable.EventTypeName}): its stored data no longer reads as that event: it was altered")
            : check;
    }

    public override async Task<StreamHeads> ExportStreamHeads(ExportStreamHeadsRequest request, ServerCallContext context)
    {
        await using var session = store.QuerySession();
        var heads = await session.Query<StreamHead>().ToListAsync(context.CancellationToken);
        var export = new StreamHeads { Service = service.Name, ExportedAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) };
        export.Heads.AddRange(heads.OrderBy(h => h.Id).Select(h => new CaseFlow.Audit.Api.V1.StreamHead
        {
            StreamId = h.Id.ToString(), Version = h.Version, Hash = h.Hash, Seal = h.Seal,
            SealedAt = Timestamp.FromDateTimeOffset(h.SealedAt),
        }));
        return export;
    }

    public override Task<AccessLogPage> ListCaseAccess(ListCaseAccessRequest request, ServerCallContext context) =>
        accessLog.ByCase(request, context.CancellationToken);

    public override Task<AccessLogPage> ListUserAccess(ListUserAccessRequest request, ServerCallContext context) =>
        accessLog.ByUser(request, context.CancellationToken);

    public override Task<AccessLogPage> ListAccessInPeriod(ListAccessInPeriodRequest request, ServerCallContext context) =>
        accessLog.InPeriod(request, context.CancellationToken);

    public override Task<CaseVerification> VerifyCaseAccess(VerifyCaseRequest request, ServerCallContext context) =>
        accessLog.Verify(request, context.CancellationToken);

    private async Task<(Guid CaseId, IReadOnlyList<IEvent> Events)> Load(string caseIdText, ServerCallContext context)
    {
        var caseId = await Authorize(caseIdText, context);
        await using var session = store.QuerySession();
        return (caseId, await session.Events.FetchStreamAsync(caseId, token: context.CancellationToken));
    }

    /// <summary>
    /// Whose history this stream is: its center's operators, supervisors and auditors read it. Every read that shows
    /// personal data (history, state) is kept in the access log by the call gate, as for every other call.
    /// Dashboards read aggregates, never a case's history: audit.proto declares it, the call gate enforces it.
    /// </summary>
    /// <param name="evenWithoutEvents">Verification goes on when the events are gone but the stream's sealed head remains.</param>
    private async Task<Guid> Authorize(string caseIdText, ServerCallContext context, bool evenWithoutEvents = false)
    {
        var check = new InputCheck();
        var caseId = check.Id(caseIdText, "caseId");
        check.ThrowIfAny();
        var caller = Caller.From(context);

        await using var session = store.QuerySession();
        if (await session.Events.FetchStreamStateAsync(caseId, context.CancellationToken) is null
            && !(evenWithoutEvents && await session.LoadAsync<StreamHead>(caseId, context.CancellationToken) is not null))
            throw new NotFound($"case {caseId} has no history in {service.Name}");
        // The live snapshot names the owning center; a stream without one (a flight) is for supervisors and auditors.
        if (await session.LoadAsync<TState>(caseId, context.CancellationToken) is { } latest && audited.CenterOf(latest) is { } center)
            caller.EnsureCanRead(center);
        else if (await PersonalDataRead.IsLogStream(session, caseId, context.CancellationToken))
            throw new NotFound($"case {caseId} has no history in {service.Name}"); // a case's access log: for auditors, through the access-log calls
        else if (caller.HeldToOwnCenter)
            throw new Forbidden("this case's center is not known here; ask a supervisor or an auditor");
        return caseId;
    }
}
