using CaseFlow.Audit.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Hosting;
using Google.Protobuf.WellKnownTypes;
using Marten;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// The access log as auditors read it through the audit API: per case, per user, per period, and its chain verified.
/// For auditors alone: audit.proto declares it, the call gate enforces it. Nothing in the API writes it but the gate.
/// </summary>
public sealed class AccessLogAudit(AccessLogReader reader, IDocumentStore store, HashChain chain, ServiceIdentity service)
{
    public Task<AccessLogPage> ByCase(ListCaseAccessRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        var page = Page(check, request.PageSize, request.After, from: null, to: null);
        return reader.Read(page with { Stream = PersonalDataRead.StreamOf(caseId) }, ct);
    }

    public Task<AccessLogPage> ByUser(ListUserAccessRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        var user = check.Text(request.User, "user", "the user whose reads to list", max: 200);
        return reader.Read(Page(check, request.PageSize, request.After, request.From, request.To) with { User = user }, ct);
    }

    public Task<AccessLogPage> InPeriod(ListAccessInPeriodRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        check.That(request.From is not null, "from", "is required (the start of the period)");
        check.That(request.To is not null, "to", "is required (the end of the period, exclusive)");
        return reader.Read(Page(check, request.PageSize, request.After, request.From, request.To), ct);
    }

    public async Task<CaseVerification> Verify(VerifyCaseRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        var caseId = check.Id(request.CaseId, "caseId");
        check.ThrowIfAny();
        var stream = PersonalDataRead.StreamOf(caseId);
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        var recorded = await session.Events.FetchStreamStateAsync(stream, ct);
        var head = await session.LoadAsync<StreamHead>(stream, ct);
        if (events.Count == 0 && recorded is null && head is null)
            throw new NotFound($"no read of case {caseId}'s personal data is recorded in {service.Name}");
        var checkpoint = request.CheckpointVersion > 0 ? new Checkpoint(request.CheckpointVersion, request.CheckpointHash) : null;
        return ChainVerification.Verify(events, store.Options.Serializer(), chain, stream, recorded?.Version ?? 0, head, checkpoint)
            .Answer(caseId, service.Name);
    }

    private static AccessFilter Page(InputCheck check, int pageSize, long after, Timestamp? from, Timestamp? to)
    {
        check.That(pageSize is >= 0 and <= AccessFilter.MaxPageSize, "pageSize", $"must be 1–{AccessFilter.MaxPageSize} (0: {AccessFilter.DefaultPageSize})");
        check.That(after >= 0, "after", "must be 0 (from the start) or the nextAfter of the previous page");
        var (start, end) = (from?.ToDateTimeOffset(), to?.ToDateTimeOffset());
        check.That(start is null || end is null || start < end, "to", "must be after from");
        check.ThrowIfAny();
        return new AccessFilter(null, null, start, end, pageSize == 0 ? AccessFilter.DefaultPageSize : pageSize, after);
    }
}
