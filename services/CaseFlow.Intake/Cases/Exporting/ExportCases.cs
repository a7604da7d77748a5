using System.Globalization;
using CaseFlow.Intake.Cases.Listing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = CaseFlow.Intake.Api.V1;

namespace CaseFlow.Intake.Cases.Exporting;

/// <summary>
/// ExportCases: every case matching the filter, in list order, written row by row as Marten reads them from the case
/// snapshots (never the whole list in memory). What a row may show, and its one access-log entry, are the call gate's.
/// </summary>
public static class ExportCases
{
    public const string TotalRowsHeader = "x-caseflow-total-rows";
    /// <summary>"hidden" when the caller's role sees no personal data: a file then has no personal columns at all.</summary>
    public const string PersonalColumnsHeader = "x-caseflow-personal-columns";

    public static async Task Run(IQuerySession session, ReferenceData.ReferenceData reference, V1.ExportCasesRequest request,
        Caller caller, IServerStreamWriter<V1.CaseExportRow> rows, ServerCallContext context)
    {
        var onlyCenter = caller.HeldToOwnCenter ? caller.Center ?? "" : null;
        var check = new InputCheck();
        if (!string.IsNullOrWhiteSpace(request.CenterId) && !reference.IsCenter(request.CenterId))
            check.Add("centerId", $"unknown center '{request.CenterId}'; use one of: {reference.KnownCenters}");
        else if (onlyCenter is not null && !string.IsNullOrEmpty(request.CenterId) && request.CenterId != onlyCenter)
            check.Add("centerId", $"an operator exports only the cases of their own center ('{onlyCenter}')");
        var provinceCenters = CentersOf(check, reference, request.Province);
        if (!string.IsNullOrWhiteSpace(request.Category) && !reference.IsCategory(request.Category))
            check.Add("category", $"unknown category '{request.Category}'; use one of: {reference.KnownCategories}");
        CaseStatus? status = CaseListQuery.Parse<CaseStatus>(check, request.Status, "status");
        CasePriority? priority = CaseListQuery.Parse<CasePriority>(check, request.Priority, "priority");
        if (request.OpenedFrom is { } f && request.OpenedTo is { } t && f.ToDateTimeOffset() >= t.ToDateTimeOffset())
            check.Add("openedTo", "must be after openedFrom");
        check.ThrowIfAny();

        IQueryable<Case> cases = session.Query<Case>();
        var center = onlyCenter ?? (string.IsNullOrWhiteSpace(request.CenterId) ? null : request.CenterId);
        if (center is not null) cases = cases.Where(c => c.CenterId == center);
        if (provinceCenters is not null) cases = cases.Where(c => provinceCenters.Contains(c.CenterId));
        if (status is { } s) cases = cases.Where(c => c.Status == s);
        if (priority is { } p) cases = cases.Where(c => c.Priority == p);
        if (!string.IsNullOrWhiteSpace(request.Category)) cases = cases.Where(c => c.Category == request.Category);
        if (request.OpenedFrom is { } from) { var at = from.ToDateTimeOffset(); cases = cases.Where(c => c.OpenedAt >= at); }
        if (request.OpenedTo is { } to) { var at = to.ToDateTimeOffset(); cases = cases.Where(c => c.OpenedAt < at); }

        // How many rows to expect, for a progress bar: counted before the rows, so a case added meanwhile may come in excess.
        var ct = context.CancellationToken;
        await context.WriteResponseHeadersAsync(new Metadata
        {
            { TotalRowsHeader, (await cases.CountAsync(ct)).ToString(CultureInfo.InvariantCulture) },
            { PersonalColumnsHeader, PersonalData.SeenBy(caller.Role) ? "shown" : "hidden" },
        });
        await foreach (var found in cases.OrderBy(c => c.ListPosition).ToAsyncEnumerable(ct))
            await rows.WriteAsync(Row(found, reference));
    }

    private static string[]? CentersOf(InputCheck check, ReferenceData.ReferenceData reference, string province)
    {
        if (string.IsNullOrWhiteSpace(province)) return null;
        var centers = reference.Centers.Where(c => string.Equals(c.Province, province, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Id).ToArray();
        if (centers.Length == 0)
            check.Add("province", $"unknown province '{province}'; use one of: {string.Join(", ", reference.Centers.Select(c => c.Province).Distinct())}");
        return centers;
    }

    private static V1.CaseExportRow Row(Case c, ReferenceData.ReferenceData reference) => new()
    {
        CaseId = c.Id.ToString(), CenterId = c.CenterId, Province = reference.CenterOf(c.CenterId)?.Province ?? "",
        Category = c.Category, Channel = c.Channel, Status = Words.Of(c.Status), Priority = Words.Of(c.Priority),
        Outcome = c.Outcome is { } outcome ? Words.Of(outcome) : "", Sex = c.Sex, AgeGroup = c.AgeGroup,
        AssignedOperator = c.AssignedOperator ?? "", OpenedAt = Timestamp.FromDateTimeOffset(c.OpenedAt),
        FirstConsultationAt = c.FirstConsultationAt is { } consulted ? Timestamp.FromDateTimeOffset(consulted) : null,
        ClosedAt = c.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
        Consultations = c.ConsultationCount, FamilyMembers = c.Family.Count, SeparatedMembers = c.Family.Count(m => m.Separated),
        ApplicantName = c.ApplicantName, Version = (int)c.Version,
    };
}
