
namespace CaseFlow.Correspondence.Agencies;

/// <summary>Reads the agency directory for the letter commands.</summary>
public sealed class AgencyDirectory(EventSessions sessions)
{
    public async Task<Agency?> Find(string agencyId, CancellationToken ct)
    {
        await using var session = sessions.Query();
        return await session.LoadAsync<Agency>(agencyId, ct);
    }

    /// <summary>
    /// The agency a letter went to, as the directory says now (its usual reply time, its kind); what a decision takes
    /// from it is then fixed in the event. Null when the letter or the agency is unknown.
    /// </summary>
    public async Task<Agency?> AgencyOf(Guid caseId, Guid letterId, CancellationToken ct)
    {
        await using var session = sessions.Query();
        var file = await session.LoadAsync<Files.CorrespondenceFile>(caseId, ct);
        if (file is null || !file.Letters.TryGetValue(letterId, out var letter)) return null;
        return await session.LoadAsync<Agency>(letter.AgencyId, ct);
    }
}
