using CaseFlow.Correspondence.Api.V1;

namespace CaseFlow.Correspondence.Replies.ResponseTimes;

/// <summary>No personal data here: dashboards of every role may read it.</summary>
public sealed class GetAgencyResponseTimesHandler(EventSessions sessions)
{
    public async Task<AgencyResponseTimes> Handle(GetAgencyResponseTimesRequest request, CancellationToken ct)
    {
        await using var session = sessions.Query();
        IQueryable<AgencyResponseTime> query = session.Query<AgencyResponseTime>();
        if (!string.IsNullOrWhiteSpace(request.AgencyId)) query = query.Where(r => r.AgencyId == request.AgencyId.Trim());
        var rows = await query.OrderBy(r => r.Id).ToListAsync(ct);
        return new AgencyResponseTimes
        {
            Rows =
            {
                rows.Select(r => new Api.V1.AgencyResponseTime
                {
                    AgencyId = r.AgencyId, AgencyName = r.AgencyName, Kind = r.Kind, ReplyCount = r.ReplyCount,
                    MedianDays = r.MedianDays, P90Days = r.P90Days,
                }),
            },
        };
    }
}
