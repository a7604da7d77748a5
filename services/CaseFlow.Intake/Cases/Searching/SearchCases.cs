using V1 = CaseFlow.Intake.Api.V1;

namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// SearchCases: each key asks the keyed index (<see cref="CaseSearchIndex"/>) for the cases that have its terms, then
/// the cases the caller may see (an operator: their own center) are read and a name match is confirmed on the
/// decrypted name, since a name's pieces being present does not make it a substring. Exact keys need no confirmation.
/// </summary>
public static class SearchCases
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<V1.SearchCasesResponse> Run(IQuerySession session, BlindIndex index, V1.SearchCasesRequest request,
        Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        check.That(!string.IsNullOrWhiteSpace(request.Query), "query", "is required: a number, a phone, a name or a reference");
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        check.That(pageSize is > 0 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        var key = Listing.CaseListQuery.Parse<SearchKey>(check, request.Key, "key");
        var center = ServiceDefaults.Reporting.ListCenter.Of(check, caller, request.CenterId);
        check.ThrowIfAny();

        var query = SearchQuery.Of(request.Query, key is { } only ? new HashSet<SearchKey> { only } : Enum.GetValues<SearchKey>().ToHashSet());
        var hits = await Hits(session, index, query, ct);
        var response = new V1.SearchCasesResponse();
        if (hits.Count == 0) return response;

        var ids = hits.Keys.ToArray();
        IQueryable<Case> cases = session.Query<Case>().Where(c => ids.Contains(c.Id));
        if (center is not null) cases = cases.Where(c => c.CenterId == center);
        foreach (var found in await cases.OrderBy(c => c.ListPosition).ToListAsync(ct))
        {
            var matched = hits[found.Id].Where(k => Confirmed(found, k, query)).Order().ToList();
            if (matched.Count == 0) continue;
            response.Matches.Add(new V1.CaseMatch { Summary = Listing.CaseListQuery.Summary(found), MatchedOn = { matched.Select(k => Words.Of(k)) } });
            if (response.Matches.Count == pageSize) break;
        }
        return response;
    }

    private static async Task<Dictionary<Guid, HashSet<SearchKey>>> Hits(IQuerySession session, BlindIndex index, SearchQuery query,
        CancellationToken ct)
    {
        var hits = new Dictionary<Guid, HashSet<SearchKey>>();
        void Add(SearchKey key, IEnumerable<Guid> cases)
        {
            foreach (var id in cases) (hits.TryGetValue(id, out var keys) ? keys : hits[id] = []).Add(key);
        }

        if (query.Tries(SearchKey.Case)) Add(SearchKey.Case, [query.CaseNumber!.Value]);
        if (query.Tries(SearchKey.Name)) Add(SearchKey.Name, await NameSearch.Candidates(session, index, query.Name!, members: false, ct));
        if (query.Tries(SearchKey.Member)) Add(SearchKey.Member, await NameSearch.Candidates(session, index, query.Name!, members: true, ct));
        if (query.Tries(SearchKey.Document)) Add(SearchKey.Document, await Having(session, SearchTerms.Document(index, query.Code!), ct));
        if (query.Tries(SearchKey.Phone)) Add(SearchKey.Phone, await Having(session, SearchTerms.Phone(index, query.Phone!), ct));
        if (query.Tries(SearchKey.Letter)) Add(SearchKey.Letter, await Having(session, SearchTerms.Reference(index, query.Code!), ct));
        return hits;
    }

    private static async Task<IReadOnlyList<Guid>> Having(IQuerySession session, string term, CancellationToken ct) =>
        await session.Query<SearchEntry>().Where(e => e.Terms.Contains(term)).Select(e => e.CaseId).Distinct().ToListAsync(ct);

    private static bool Confirmed(Case found, SearchKey key, SearchQuery query) => key switch
    {
        SearchKey.Name => NameSearch.Contains(found.ApplicantName, query.Name!),
        SearchKey.Member => found.Family.Any(m => m.Details.Value is { } member && NameSearch.Contains(member.FullName, query.Name!)),
        _ => true,
    };
}
