using Marten;

namespace CaseFlow.Reunification.Statistics;

/// <summary>Dashboard figures: open files by stage (from the inline files), completions by center and month.</summary>
public sealed class GetReunificationStatisticsHandler(EventSessions sessions)
{
    public async Task<ReunificationStatistics> Handle(GetReunificationStatisticsRequest request, Caller caller, CancellationToken ct)
    {
        // Those held to their own center (reunification.proto) get its figures when they name none, and no other's.
        var center = string.IsNullOrWhiteSpace(request.CenterId) ? caller.HeldToOwnCenter ? caller.Center ?? "" : null : request.CenterId.Trim();
        if (center is not null) caller.EnsureCanRead(center);

        await using var session = sessions.Query();
        var files = await session.Query<ReunificationFile>()
            .Where(f => f.Stage != ReunificationStage.NoSeparationReported && f.Stage != ReunificationStage.Reunited
                && f.Stage != ReunificationStage.Failed && f.Stage != ReunificationStage.Cancelled)
            .ToListAsync(ct);
        var months = await session.Query<MonthlyCompletions>().ToListAsync(ct);

        return new ReunificationStatistics
        {
            OpenByStage =
            {
                files.Where(f => center is null || f.CenterId == center)
                    .GroupBy(f => f.Stage).OrderBy(g => g.Key)
                    .Select(g => new StageCount { Stage = g.Key.Name(), Count = g.Count() }),
            },
            Completed =
            {
                months.Where(m => center is null || m.CenterId == center).OrderBy(m => m.Month).ThenBy(m => m.CenterId)
                    .Select(m => new CompletionsInMonth
                    {
                        CenterId = m.CenterId, Month = m.Month, Completed = m.Completed, TotalDaysSeparated = m.TotalDaysSeparated,
                        ShortestDaysSeparated = m.ShortestDaysSeparated, LongestDaysSeparated = m.LongestDaysSeparated,
                    }),
            },
        };
    }
}
