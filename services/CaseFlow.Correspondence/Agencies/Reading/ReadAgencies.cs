using CaseFlow.Correspondence.Agencies.Editing;
using CaseFlow.Correspondence.Api.V1;

namespace CaseFlow.Correspondence.Agencies.Reading;

public sealed class ReadAgenciesHandler(EventSessions sessions)
{
    public async Task<Api.V1.Agency> Get(GetAgencyRequest request, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.AgencyId(request.AgencyId);
        check.ThrowIfAny();
        await using var session = sessions.Query();
        var agency = await session.LoadAsync<Agency>(id, ct) ?? throw new NotFound($"agency '{id}' is not in the directory");
        return agency.ToApi();
    }

    public async Task<ListAgenciesResponse> List(ListAgenciesRequest request, CancellationToken ct)
    {
        await using var session = sessions.Query();
        IQueryable<Agency> query = session.Query<Agency>();
        if (!string.IsNullOrWhiteSpace(request.Country)) query = query.Where(a => a.Country == request.Country.Trim());
        if (!string.IsNullOrWhiteSpace(request.Kind)) query = query.Where(a => a.Kind == request.Kind.Trim());
        var agencies = await query.OrderBy(a => a.Name).ToListAsync(ct);
        return new ListAgenciesResponse { Agencies = { agencies.Select(a => a.ToApi()) } };
    }
}
