using CaseFlow.Intake.Cases.Searching;

namespace CaseFlow.Intake.Cases.RegisteringApplicant;

/// <summary>
/// Another case that may be the applicant's: the same transliterated name and birth date, the same document number or
/// the same phone, matched as search matches (the keyed index, then the decrypted details). Shown to the operator,
/// never blocking; a case of another center reaches an operator without its personal data (the call gate clears it).
/// </summary>
public static class PossibleDuplicates
{
    private const int Most = 20;

    public static async Task<IReadOnlyList<PossibleDuplicate>> Of(IQuerySession session, BlindIndex index, Guid caseId,
        ApplicantDetails applicant, CancellationToken ct)
    {
        var candidates = new HashSet<Guid>();
        foreach (var term in Terms(index, applicant))
            candidates.UnionWith(await session.Query<SearchEntry>()
                .Where(e => e.Person == Subjects.ApplicantPerson && e.CaseId != caseId && (e.Twin == term || e.Terms.Contains(term)))
                .Select(e => e.CaseId).Take(Most).ToListAsync(ct));
        if (candidates.Count == 0) return [];
        var cases = await session.LoadManyAsync<Case>(ct, candidates);
        return cases
            .Select(c => (Case: c, Matched: Matched(c, applicant)))
            .Where(x => x.Matched.Count > 0)
            .OrderBy(x => x.Case.ListPosition)
            .Select(x => new PossibleDuplicate
            {
                CaseId = x.Case.Id.ToString(), CenterId = x.Case.CenterId, FullName = x.Case.ApplicantName,
                BirthDate = x.Case.Applicant?.Value?.BirthDate?.ToString("yyyy-MM-dd") ?? "", Status = Words.Of(x.Case.Status),
                MatchedOn = { x.Matched },
            }).ToList();
    }

    /// <summary>The exact terms the applicant is found by: name and birth date together, each document, the phone.</summary>
    private static IEnumerable<string> Terms(BlindIndex index, ApplicantDetails applicant)
    {
        if (applicant.BirthDate is { } born) yield return SearchTerms.Twin(index, SearchText.Name(applicant.FullName), born);
        foreach (var code in applicant.Documents.Select(d => SearchText.Code(d.Number)).Where(c => c.Length > 0).Distinct())
            yield return SearchTerms.Document(index, code);
        if (applicant.Phone is { } phone && SearchText.Phone(phone) is { } digits) yield return SearchTerms.Phone(index, digits);
    }

    /// <summary>The index only narrows: the decrypted details say what really matched.</summary>
    private static List<string> Matched(Case other, ApplicantDetails applicant)
    {
        if (other.Applicant is not { IsErased: false, Value: { } found }) return [];
        var matched = new List<string>();
        if (applicant.BirthDate is { } born && found.BirthDate == born && SearchText.Name(found.FullName) == SearchText.Name(applicant.FullName))
            matched.Add("name");
        var codes = found.Documents.Select(d => SearchText.Code(d.Number)).ToHashSet();
        if (applicant.Documents.Any(d => SearchText.Code(d.Number) is { Length: > 0 } code && codes.Contains(code))) matched.Add("document");
        if (applicant.Phone is { } phone && SearchText.Phone(phone) is { } digits && found.Phone is { } theirs && SearchText.Phone(theirs) == digits)
            matched.Add("phone");
        return matched;
    }

    /// <summary>The registration's answer: the case's new version and the other cases that may be the same person.</summary>
    public static async Task<RegisterApplicantResponse> Answer(IQuerySession session, BlindIndex index, CaseChanged registered,
        ApplicantDetails applicant, CancellationToken ct)
    {
        var response = new RegisterApplicantResponse { CaseId = registered.CaseId, Version = registered.Version };
        response.PossibleDuplicates.AddRange(await Of(session, index, Guid.Parse(registered.CaseId), applicant, ct));
        return response;
    }
}
