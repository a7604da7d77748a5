using CaseFlow.Correspondence.Api.V1;
using JasperFx;

namespace CaseFlow.Correspondence.Agencies.Editing;

/// <summary>
/// Supervisors keep the directory (the API's policy lets no one else call these): create, update and delete agencies,
/// once per request id, never over a newer version. Agencies are documents with numeric revisions, not streams.
/// </summary>
public sealed class EditAgenciesHandler(StreamCommands commands)
{
    public Task<AgencyChanged> Create(CreateAgencyRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var agency = check.Details(check.AgencyId(request.AgencyId), request.Agency);
        check.ThrowIfAny();
        return commands.Run(new CommandCall("correspondence.CreateAgency", request.RequestId, null), request, caller, async writer =>
        {
            if (await writer.Session.LoadAsync<Agency>(agency.Id, ct) is not null)
                throw new RuleViolated($"agency '{agency.Id}' already exists; update it instead");
            writer.Session.Insert(agency);
            return new AgencyChanged { AgencyId = agency.Id, Version = 1 };
        }, ct);
    }

    public Task<AgencyChanged> Update(UpdateAgencyRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.AgencyId(request.AgencyId);
        var changed = check.Details(id, request.Agency);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return commands.Run(new CommandCall("correspondence.UpdateAgency", request.RequestId, expected), request, caller, async writer =>
        {
            var current = await Current(writer.Session, id, expected, ct);
            // The sample mark goes once a supervisor has checked and saved the entry.
            var next = changed with { Sample = false, Version = current.Version + 1 };
            writer.Session.UpdateRevision(next, next.Version);
            return new AgencyChanged { AgencyId = id, Version = next.Version };
        }, ct);
    }

    public Task<AgencyChanged> Delete(DeleteAgencyRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.AgencyId(request.AgencyId);
        var expected = StreamCommand.Version(request.HasExpectedVersion, request.ExpectedVersion, check);
        check.ThrowIfAny();
        return commands.Run(new CommandCall("correspondence.DeleteAgency", request.RequestId, expected), request, caller, async writer =>
        {
            // Letters keep the agency's name in their events: deleting it from the directory loses nothing of them.
            var current = await Current(writer.Session, id, expected, ct);
            writer.Session.Delete<Agency>(id);
            return new AgencyChanged { AgencyId = id, Version = current.Version + 1 };
        }, ct);
    }

    private static async Task<Agency> Current(IDocumentSession session, string id, long? expected, CancellationToken ct)
    {
        var current = await session.LoadAsync<Agency>(id, ct) ?? throw new NotFound($"agency '{id}' is not in the directory");
        if (expected is { } version && version != current.Version) throw new ConcurrencyException(typeof(Agency), id);
        return current;
    }
}
