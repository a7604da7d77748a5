namespace CaseFlow.Intake.Cases;

public static class CaseLookup
{
    /// <summary>The case named by a request, if the caller may read it: its id checked like any input.</summary>
    public static async Task<Case> Readable(IQuerySession session, string caseId, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.Id(caseId, "caseId");
        check.ThrowIfAny();
        var state = await session.LoadAsync<Case>(id, ct) ?? throw new NotFound($"case {id} does not exist");
        caller.EnsureCanRead(state.CenterId);
        return state;
    }
}
