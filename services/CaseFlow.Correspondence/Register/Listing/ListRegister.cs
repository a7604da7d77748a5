using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Register.Numbering;
using CaseFlow.ServiceDefaults.Reporting;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Register.Listing;

/// <summary>
/// The letter register across cases, by center, year and number, paged like ListOutstandingLetters. Operators see their
/// own center's; the subject is personal data, cleared for roles that may not see it by the proto's marker.
/// </summary>
public sealed class ListRegisterHandler(EventSessions sessions)
{
    public async Task<ListRegisterResponse> Handle(ListRegisterRequest request, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var from = check.Date(request.From, "from");
        var to = check.Date(request.To, "to");
        if (from is { } f && to is { } t) check.That(f <= t, "to", "the period ends before it starts");
        var direction = string.IsNullOrWhiteSpace(request.Direction) ? null
            : check.OneOf(request.Direction, RegisterDirection.All, "direction", "register direction");
        check.That(request.Year is 0 or (>= 2000 and <= 9999), "year", "must be a year such as 2020");
        var pageSize = ListPages.Size(check, request.PageSize);
        var after = ListPages.After(check, request.PageToken);
        // Those held to their own center (correspondence.proto) see its entries only, whether or not they ask for it.
        var center = ListCenter.Of(check, caller, request.CenterId);
        check.ThrowIfAny();

        await using var session = sessions.Query();
        IQueryable<RegisterEntry> query = session.Query<RegisterEntry>();
        if (center is not null) query = query.Where(e => e.CenterId == center);
        if (request.Year != 0) query = query.Where(e => e.Year == request.Year);
        if (direction is not null) query = query.Where(e => e.Direction == direction);
        if (!string.IsNullOrWhiteSpace(request.AgencyId)) query = query.Where(e => e.AgencyId == request.AgencyId.Trim());
        // The period is business days, taken loosely in UTC here; the year and the numbers are the center's own.
        if (from is { } start) query = query.Where(e => e.At >= Deadline.EndOfUtc(start.AddDays(-1)));
        if (to is { } end) query = query.Where(e => e.At < Deadline.EndOfUtc(end));
        if (after is not null) query = query.Where(e => e.ListPosition.CompareTo(after) > 0);
        var entries = await query.OrderBy(e => e.ListPosition).Take(pageSize + 1).ToListAsync(ct);
        return new ListRegisterResponse
        {
            NextPageToken = entries.Count > pageSize ? ListPages.Token(entries[pageSize - 1].ListPosition) : "",
            Entries =
            {
                entries.Take(pageSize).Select(e => new Api.V1.RegisterEntry
                {
                    RegisterNumber = e.Id, CaseId = e.CaseId.ToString(), EntryId = e.EntryId.ToString(), CenterId = e.CenterId, Year = e.Year,
                    Direction = e.Direction, AgencyId = e.AgencyId ?? "", Correspondent = e.Correspondent, Reference = e.Reference,
                    Subject = e.Subject.Shown(), At = Timestamp.FromDateTimeOffset(e.At),
                    InReplyToLetterId = e.InReplyToLetterId?.ToString() ?? "",
                }),
            },
        };
    }
}
