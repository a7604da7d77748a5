namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// Name search over encrypted names: the keyed index narrows the cases to those whose (transliterated) name has every
/// piece of the query, the decrypted names then confirm the substring.
/// </summary>
public static class NameSearch
{
    /// <summary>The cases whose applicant (or, with <paramref name="members"/>, a family member) may have the name.</summary>
    public static async Task<IReadOnlyList<Guid>> Candidates(IQuerySession session, BlindIndex index, string name, bool members,
        CancellationToken ct)
    {
        IQueryable<SearchEntry> entries = session.Query<SearchEntry>();
        entries = members ? entries.Where(e => e.Person.StartsWith(Subjects.MemberPrefix)) : entries.Where(e => e.Person == Subjects.ApplicantPerson);
        foreach (var term in index.QueryTerms(name)) entries = entries.Where(e => e.Terms.Contains(term));
        return await entries.Select(e => e.CaseId).Distinct().ToListAsync(ct);
    }

    public static bool Contains(string shownName, string name) =>
        shownName != Sealed.ErasedText && SearchText.Name(shownName).Contains(name, StringComparison.Ordinal);

    /// <summary>ListCases' name filter: a page of the listed cases whose applicant's name contains the query.</summary>
    public static async Task<IReadOnlyList<Case>> Page(IQuerySession session, BlindIndex index, IQueryable<Case> cases,
        string query, int take, CancellationToken ct)
    {
        var name = SearchText.Name(query);
        if (name.Length == 0) return await cases.OrderBy(c => c.ListPosition).Take(take).ToListAsync(ct);
        var candidates = await Candidates(session, index, name, members: false, ct);
        if (candidates.Count == 0) return [];
        var found = await cases.Where(c => candidates.Contains(c.Id)).OrderBy(c => c.ListPosition).ToListAsync(ct);
        return [.. found.Where(c => Contains(c.ApplicantName, name)).Take(take)];
    }
}
