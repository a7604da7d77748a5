using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Idempotency;
using CaseFlow.ServiceDefaults.Security;
using JasperFx;
using Marten;

namespace CaseFlow.Correspondence.Agencies.Editing;

/// <summary>Supervisors keep the directory: create, update and delete agencies, once per request id, never over a newer version.</summary>
public sealed class EditAgenciesHandler(EventSessions sessions, IdempotentRequests requests)
{
    public async Task<AgencyChanged> Create(CreateAgencyRequest request, Caller caller, CancellationToken ct)
    {
        EnsureSupervisor(caller);
        var check = new InputCheck();
        var agency = check.Details(check.Id(request.AgencyId), request.Agency);
        check.ThrowIfAny();

        await using var session = sessions.ForCaller(caller, request.RequestId);
        return await requests.RunOnce(session, "correspondence.CreateAgency", request.RequestId, request, async () =>
        {
            if (await session.LoadAsync<Agency>(agency.Id, ct) is not null)
                throw new RuleViolated($"agency '{agency.Id}' already exists; update it instead");
            session.Insert(agency);
            return new AgencyChanged { AgencyId = agency.Id, Version = 1 };
        }, ct);
    }

    public async Task<AgencyChanged> Update(UpdateAgencyRequest request, Caller caller, CancellationToken ct)
    {
        EnsureSupervisor(caller);
        var check = new InputCheck();
        var id = check.Id(request.AgencyId);
        var changed = check.Details(id, request.Agency);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();

        await using var session = sessions.ForCaller(caller, request.RequestId);
        return await requests.RunOnce(session, "correspondence.UpdateAgency", request.RequestId, request, async () =>
        {
            var current = await Current(session, id, expected, ct);
            // The sample mark goes once a supervisor has checked and saved the entry.
            var next = changed with { Sample = false, Version = current.Version + 1 };
            session.UpdateRevision(next, next.Version);
            return new AgencyChanged { AgencyId = id, Version = next.Version };
        }, ct);
    }

    public async Task<AgencyChanged> Delete(DeleteAgencyRequest request, Caller caller, CancellationToken ct)
    {
        EnsureSupervisor(caller);
        var check = new InputCheck();
        var id = check.Id(request.AgencyId);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();

        await using var session = sessions.ForCaller(caller, request.RequestId);
        return await requests.RunOnce(session, "correspondence.DeleteAgency", request.RequestId, request, async () =>
        {
            // Letters keep the agency's name in their events: deleting it from the directory loses nothing of them.
            var current = await Current(session, id, expected, ct);
            session.Delete<Agency>(id);
            return new AgencyChanged { AgencyId = id, Version = current.Version + 1 };
        }, ct);
    }

    private static async Task<Agency> Current(IDocumentSession session, string id, long? expected, CancellationToken ct)
    {
        var current = await session.LoadAsync<Agency>(id, ct) ?? throw new NotFound($"agency '{id}' is not in the directory");
        if (expected is { } version && version != current.Version) throw new ConcurrencyException(typeof(Agency), id);
        return current;
    }

    private static void EnsureSupervisor(Caller caller)
    {
        if (caller.Role != Caller.Supervisor) throw new Forbidden("only a supervisor edits the agency directory");
    }
}
