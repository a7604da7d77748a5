using CaseFlow.Correspondence.Agencies.Editing;
using CaseFlow.Correspondence.Agencies.Reading;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Deadlines.Outstanding;
using CaseFlow.Correspondence.Files.GettingFile;
using CaseFlow.Correspondence.Letters.Approving;
using CaseFlow.Correspondence.Letters.Drafting;
using CaseFlow.Correspondence.Letters.GettingLetter;
using CaseFlow.Correspondence.Letters.Revising;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.Correspondence.Replies.ResponseTimes;
using CaseFlow.Correspondence.Templates.Listing;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.Correspondence.Api;

/// <summary>The gRPC (and JSON) face of Correspondence: each call hands over to its slice.</summary>
public sealed class CorrespondenceApi(IServiceProvider slices) : V1.Correspondence.CorrespondenceBase
{
    public override Task<V1.CorrespondenceFile> GetCorrespondence(GetCorrespondenceRequest request, ServerCallContext context) =>
        Slice<GetCorrespondenceHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> DraftLetter(DraftLetterRequest request, ServerCallContext context) =>
        Slice<DraftLetterHandler>().Handle(request, CallerOf(context), Authorization(context), context.CancellationToken);

    public override Task<LetterChanged> ReviseLetter(ReviseLetterRequest request, ServerCallContext context) =>
        Slice<ReviseLetterHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> ApproveLetter(ApproveLetterRequest request, ServerCallContext context) =>
        Slice<ApproveLetterHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> SendLetter(SendLetterRequest request, ServerCallContext context) =>
        Slice<SendLetterHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> RecordReply(RecordReplyRequest request, ServerCallContext context) =>
        Slice<RecordReplyHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> SendFollowUp(SendFollowUpRequest request, ServerCallContext context) =>
        Slice<SendFollowUpHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> WithdrawLetter(WithdrawLetterRequest request, ServerCallContext context) =>
        Slice<WithdrawLetterHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<V1.Letter> GetLetter(GetLetterRequest request, ServerCallContext context) =>
        Slice<GetLetterHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<ListOutstandingLettersResponse> ListOutstandingLetters(ListOutstandingLettersRequest request, ServerCallContext context) =>
        Slice<ListOutstandingLettersHandler>().Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<ListTemplatesResponse> ListTemplates(ListTemplatesRequest request, ServerCallContext context)
    {
        CallerOf(context);
        return Task.FromResult(Slice<ListTemplatesHandler>().Handle(request));
    }

    public override Task<AgencyChanged> CreateAgency(CreateAgencyRequest request, ServerCallContext context) =>
        Slice<EditAgenciesHandler>().Create(request, CallerOf(context), context.CancellationToken);

    public override Task<AgencyChanged> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context) =>
        Slice<EditAgenciesHandler>().Update(request, CallerOf(context), context.CancellationToken);

    public override Task<AgencyChanged> DeleteAgency(DeleteAgencyRequest request, ServerCallContext context) =>
        Slice<EditAgenciesHandler>().Delete(request, CallerOf(context), context.CancellationToken);

    public override Task<V1.Agency> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        CallerOf(context);
        return Slice<ReadAgenciesHandler>().Get(request, context.CancellationToken);
    }

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context)
    {
        CallerOf(context);
        return Slice<ReadAgenciesHandler>().List(request, context.CancellationToken);
    }

    public override Task<AgencyResponseTimes> GetAgencyResponseTimes(GetAgencyResponseTimesRequest request, ServerCallContext context)
    {
        CallerOf(context);
        return Slice<GetAgencyResponseTimesHandler>().Handle(request, context.CancellationToken);
    }

    private T Slice<T>() where T : notnull => slices.GetRequiredService<T>();

    /// <summary>Every call names a known user and role, reads included.</summary>
    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    /// <summary>The caller's own token, passed on to Intake so it applies the caller's permissions.</summary>
    private static string? Authorization(ServerCallContext context) =>
        context.GetHttpContext().Request.Headers.Authorization.ToString() is { Length: > 0 } value ? value : null;
}
