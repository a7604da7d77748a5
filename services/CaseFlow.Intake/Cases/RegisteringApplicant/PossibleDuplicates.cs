using CaseFlow.Intake.Cases.Searching;

namespace CaseFlow.Intake.Cases.RegisteringApplicant;

/// <summary>Same normalized name and birth date in another case: shown to the operator, never blocking.</summary>
public static class PossibleDuplicates
{
    public static async Task<IReadOnlyList<PossibleDuplicate>> Of(IQuerySession session, BlindIndex index, Guid caseId,
        ApplicantDetails applicant, CancellationToken ct)
    {
        if (applicant.BirthDate is not { } born) return [];
        var name = PersonName.Normalize(applicant.FullName);
        var twin = index.Exact(ApplicantNameIndex.TwinOf(name, born));
        var candidates = await session.Query<ApplicantNameTerms>()
            .Where(t => t.Twin == twin && t.CaseId != caseId)
            .Select(t => t.CaseId).Take(20).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var cases = await session.LoadManyAsync<Case>(ct, candidates);
        // The term only narrows the search: the decrypted details confirm it.
        return cases
            .Where(c => c.Applicant is { IsErased: false, Value: { } found }
                && found.BirthDate == born && PersonName.Normalize(found.FullName) == name)
            .OrderBy(c => c.ListPosition)
            .Select(c => new PossibleDuplicate
            {
                CaseId = c.Id.ToString(), CenterId = c.CenterId, FullName = c.ApplicantName,
                BirthDate = born.ToString("yyyy-MM-dd"), Status = Words.Of(c.Status),
            }).ToList();
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
