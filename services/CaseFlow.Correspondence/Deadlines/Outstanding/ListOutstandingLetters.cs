using CaseFlow.Correspondence.Api.V1;
using CaseFlow.ServiceDefaults.Reporting;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Deadlines.Outstanding;

public sealed class ListOutstandingLettersHandler(EventSessions sessions, TimeProvider clock)
{
    public async Task<ListOutstandingLettersResponse> Handle(ListOutstandingLettersRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var dueBefore = check.Date(request.DueBefore, "dueBefore");
        var pageSize = ListPages.Size(check, request.PageSize);
        var after = ListPages.After(check, request.PageToken);
        // Those held to their own center (correspondence.proto) see its entries only, whether or not they ask for it.
        var center = ListCenter.Of(check, caller, request.CenterId);
        check.ThrowIfAny();

        var now = clock.GetUtcNow();
        await using var session = sessions.Query();
        IQueryable<OutstandingLetter> query = session.Query<OutstandingLetter>();
        if (center is not null) query = query.Where(l => l.CenterId == center);
        if (!string.IsNullOrWhiteSpace(request.AgencyId)) query = query.Where(l => l.AgencyId == request.AgencyId.Trim());
        if (request.OverdueOnly) query = query.Where(l => l.OverdueFrom <= now);
        // UTC's end of the day is after every center east of UTC ends it (the Kyrgyz centers): their letters due that day are in.
        if (dueBefore is { } day) query = query.Where(l => l.OverdueFrom <= Deadline.EndOfUtc(day));
        if (after is not null) query = query.Where(l => l.ListPosition.CompareTo(after) > 0);
        var letters = await query.OrderBy(l => l.ListPosition).Take(pageSize + 1).ToListAsync(ct);
        return new ListOutstandingLettersResponse
        {
            NextPageToken = letters.Count > pageSize ? ListPages.Token(letters[pageSize - 1].ListPosition) : "",
            Letters =
            {
                letters.Take(pageSize).Select(l => new Api.V1.OutstandingLetter
                {
                    CaseId = l.CaseId.ToString(), LetterId = l.Id.ToString(), CenterId = l.CenterId, AgencyId = l.AgencyId,
                    AgencyName = l.AgencyName, Kind = l.Kind, Subject = l.Subject.Shown(), SentAt = Timestamp.FromDateTimeOffset(l.SentAt),
                    ReplyDueBy = l.ReplyDueBy.ToString("yyyy-MM-dd"), Overdue = l.OverdueFrom <= now,
                }),
            },
        };
    }
}
