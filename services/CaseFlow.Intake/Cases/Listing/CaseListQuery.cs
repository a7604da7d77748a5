using System.Text;
using CaseFlow.ServiceDefaults.Reporting;
using CaseFlow.Intake.Cases.Searching;
using V1 = CaseFlow.Intake.Api.V1;

namespace CaseFlow.Intake.Cases.Listing;

/// <summary>
/// ListCases over the inline case snapshots (indexed on every filter). Pages are keyset pages, sorted by
/// opening time then id: a page token is the last row's position, so pages stay stable while cases are added.
/// </summary>
public static class CaseListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>A caller held to their own center (intake.proto: operators) lists only its cases; the others list all.</summary>
    public static async Task<V1.ListCasesResponse> Run(IQuerySession session, BlindIndex index, V1.ListCasesRequest request,
        Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var center = ListCenter.Of(check, caller, request.CenterId);
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        check.That(pageSize is > 0 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        var after = Decode(check, request.PageToken);
        CaseStatus? status = Parse<CaseStatus>(check, request.Status, "status");
        CasePriority? priority = Parse<CasePriority>(check, request.Priority, "priority");
        check.ThrowIfAny();

        IQueryable<Case> cases = session.Query<Case>();
        if (center is not null) cases = cases.Where(c => c.CenterId == center);
        if (status is { } s) cases = cases.Where(c => c.Status == s);
        if (priority is { } p) cases = cases.Where(c => c.Priority == p);
        if (!string.IsNullOrWhiteSpace(request.Category)) cases = cases.Where(c => c.Category == request.Category);
        if (!string.IsNullOrWhiteSpace(request.AssignedOperator)) cases = cases.Where(c => c.AssignedOperator == request.AssignedOperator);
        if (request.OpenedFrom is { } from) { var f = from.ToDateTimeOffset(); cases = cases.Where(c => c.OpenedAt >= f); }
        if (request.OpenedTo is { } to) { var t = to.ToDateTimeOffset(); cases = cases.Where(c => c.OpenedAt < t); }
        if (after is not null) cases = cases.Where(c => c.ListPosition.CompareTo(after) > 0);

        var page = string.IsNullOrWhiteSpace(request.Name)
            ? await cases.OrderBy(c => c.ListPosition).Take(pageSize + 1).ToListAsync(ct)
            : await NameSearch.Page(session, index, cases, request.Name, pageSize + 1, ct);
        var response = new V1.ListCasesResponse();
        response.Cases.AddRange(page.Take(pageSize).Select(Summary));
        if (page.Count > pageSize) response.NextPageToken = Encode(page[pageSize - 1]);
        return response;
    }

    internal static V1.CaseSummary Summary(Case c) => new()
    {
        CaseId = c.Id.ToString(), CenterId = c.CenterId, Category = c.Category, ApplicantName = c.ApplicantName,
        Status = Words.Of(c.Status), Priority = Words.Of(c.Priority), AssignedOperator = c.AssignedOperator ?? "",
        OpenedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(c.OpenedAt), Version = (int)c.Version,
    };

    internal static T? Parse<T>(InputCheck check, string word, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        if (Words.TryParse<T>(word, out var value)) return value;
        check.Add(field, $"unknown {field} '{word}'; use one of: {Words.All<T>()}");
        return null;
    }

    private static string Encode(Case last) => Convert.ToBase64String(Encoding.UTF8.GetBytes(last.ListPosition));

    private static string? Decode(InputCheck check, string token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var position = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (Case.IsListPosition(position)) return position;
        }
        catch (FormatException) { }
        check.Add("pageToken", "is not a token this service gave out");
        return null;
    }
}
