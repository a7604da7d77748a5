using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.GettingDetails;
using CaseFlow.Intake.Cases.Listing;
using CaseFlow.Intake.Cases.Timeline;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using Marten;
using Case = CaseFlow.Intake.Cases.Case;

namespace CaseFlow.Intake.Api;

/// <summary>Reading cases: one, a filtered list, and a case's whole story.</summary>
public sealed partial class IntakeApi
{
    public override async Task<CaseDetails> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        await using var session = sessions.Query();
        var state = await Load(session, request.CaseId, CallerOf(context), context.CancellationToken);
        return CaseDetailsView.From(state, reference);
    }

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        await using var session = sessions.Query();
        return await CaseListQuery.Run(session, request, caller.Role == Caller.Operator ? caller.Center ?? "" : null,
            context.CancellationToken);
    }

    public override async Task<CaseTimeline> GetCaseTimeline(GetCaseTimelineRequest request, ServerCallContext context)
    {
        await using var session = sessions.Query();
        var state = await Load(session, request.CaseId, CallerOf(context), context.CancellationToken);
        var events = await session.Events.FetchStreamAsync(state.Id, token: context.CancellationToken);
        return CaseTimelineView.From(state.Id, events);
    }

    private static async Task<Case> Load(IQuerySession session, string caseId, Caller caller, CancellationToken ct)
    {
        var check = new InputCheck();
        var id = check.Id(caseId, "caseId");
        check.ThrowIfAny();
        var state = await session.LoadAsync<Case>(id, ct) ?? throw new NotFound($"case {id} does not exist");
        caller.EnsureCanRead(state.CenterId);
        return state;
    }

    /// <summary>Same normalized name and birth date in another case: shown to the operator, never blocking.</summary>
    private async Task<IEnumerable<PossibleDuplicate>> PossibleDuplicates(Guid caseId, Cases.ApplicantDetails applicant, CancellationToken ct)
    {
        if (applicant.BirthDate is not { } born) return [];
        var name = PersonName.Normalize(applicant.FullName);
        await using var session = sessions.Query();
        var twins = await session.Query<Case>()
            .Where(c => c.NormalizedName == name && c.Applicant!.BirthDate == born && c.Id != caseId)
            .Take(20).ToListAsync(ct);
        return twins.Select(c => new PossibleDuplicate
        {
            CaseId = c.Id.ToString(), CenterId = c.CenterId, FullName = c.ApplicantName,
            BirthDate = born.ToString("yyyy-MM-dd"), Status = Words.Of(c.Status),
        });
    }
}
