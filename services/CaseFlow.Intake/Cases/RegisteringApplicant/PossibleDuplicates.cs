namespace CaseFlow.Intake.Cases.RegisteringApplicant;

/// <summary>Same normalized name and birth date in another case: shown to the operator, never blocking.</summary>
public static class PossibleDuplicates
{
    public static async Task<IReadOnlyList<PossibleDuplicate>> Of(IQuerySession session, Guid caseId, ApplicantDetails applicant,
        CancellationToken ct)
    {
        if (applicant.BirthDate is not { } born) return [];
        var name = PersonName.Normalize(applicant.FullName);
        var twins = await session.Query<Case>()
            .Where(c => c.NormalizedName == name && c.Applicant!.BirthDate == born && c.Id != caseId)
            .Take(20).ToListAsync(ct);
        return twins.Select(c => new PossibleDuplicate
        {
            CaseId = c.Id.ToString(), CenterId = c.CenterId, FullName = c.ApplicantName,
            BirthDate = born.ToString("yyyy-MM-dd"), Status = Words.Of(c.Status),
        }).ToList();
    }

    /// <summary>The registration's answer: the case's new version and the other cases that may be the same person.</summary>
    public static async Task<RegisterApplicantResponse> Answer(IQuerySession session, CaseChanged registered,
        ApplicantDetails applicant, CancellationToken ct)
    {
        var response = new RegisterApplicantResponse { CaseId = registered.CaseId, Version = registered.Version };
        response.PossibleDuplicates.AddRange(await Of(session, Guid.Parse(registered.CaseId), applicant, ct));
        return response;
    }
}
