using CaseFlow.ServiceDefaults.Admin.Status;
using Marten;

namespace CaseFlow.Correspondence.Deadlines.Outstanding;

/// <summary>Letters whose reply is overdue, on open cases: in <c>caseflow admin status</c> and on /metrics, for an alert.</summary>
public sealed class OverdueLettersFigure(IDocumentStore store, TimeProvider clock) : IOperationsFigure
{
    public string Name => "overdue_letters";

    public async Task<long> Read(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession();
        return await session.Query<OutstandingLetter>().Where(l => !l.CaseClosed && l.OverdueFrom <= now).CountAsync(ct);
    }
}
