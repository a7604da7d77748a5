namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// Name search over encrypted names: the blind index narrows the cases to those whose name has every piece of the
/// query, the decrypted names then confirm the substring (as the plaintext search did), in list order.
/// </summary>
public static class NameSearch
{
    public static async Task<IReadOnlyList<Case>> Page(IQuerySession session, BlindIndex index, IQueryable<Case> cases,
        string normalizedQuery, int take, CancellationToken ct)
    {
        if (normalizedQuery.Length == 0) return await cases.OrderBy(c => c.ListPosition).Take(take).ToListAsync(ct);
        IQueryable<ApplicantNameTerms> terms = session.Query<ApplicantNameTerms>();
        foreach (var term in index.QueryTerms(normalizedQuery)) terms = terms.Where(t => t.Terms.Contains(term));
        var candidates = await terms.Select(t => t.CaseId).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var found = await cases.Where(c => candidates.Contains(c.Id)).OrderBy(c => c.ListPosition).ToListAsync(ct);
        return [.. found.Where(c => Names(c).Contains(normalizedQuery, StringComparison.Ordinal)).Take(take)];
    }

    private static string Names(Case c) => c.ApplicantName == Sealed.ErasedText ? "" : PersonName.Normalize(c.ApplicantName);
}
