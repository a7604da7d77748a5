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
using Google.Protobuf;
using Grpc.Core;

namespace CaseFlow.Correspondence.Api;

/// <summary>The gRPC (and JSON) face of Correspondence: each call hands over to its slice.</summary>
public sealed class CorrespondenceApi(
    StreamCommands commands, TimeProvider clock, DraftLetterHandler drafting, SendLetterHandler sending,
    SendFollowUpHandler followingUp, EditAgenciesHandler editing, GetCorrespondenceHandler files, GetLetterHandler letters,
    ListOutstandingLettersHandler outstanding, ListTemplatesHandler templates, ReadAgenciesHandler agencies,
    GetAgencyResponseTimesHandler responseTimes, Statistics.GetCorrespondenceStatisticsHandler statistics,
    Register.RecordingIncomingMail.RecordIncomingMailHandler incoming, Register.Listing.ListRegisterHandler register,
    Letters.Printing.PrintLetterHandler printing) : V1.Correspondence.CorrespondenceBase
{
    public override Task<V1.CorrespondenceFile> GetCorrespondence(GetCorrespondenceRequest request, ServerCallContext context) =>
        files.Handle(request, CallerOf(context), context.CancellationToken);

    public override async Task<LetterChanged> DraftLetter(DraftLetterRequest request, ServerCallContext context) =>
        await Change(request, context, await drafting.Prepare(request, CallerOf(context), Authorization(context), Now, context.CancellationToken));

    public override Task<LetterChanged> ReviseLetter(ReviseLetterRequest request, ServerCallContext context) =>
        Change(request, context, Letters.Revising.ReviseLetter.Parse(request, Now));

    public override Task<LetterChanged> ApproveLetter(ApproveLetterRequest request, ServerCallContext context) =>
        Change(request, context, Letters.Approving.ApproveLetter.Parse(request, CallerOf(context), Now));

    public override async Task<LetterChanged> SendLetter(SendLetterRequest request, ServerCallContext context)
    {
        var (file, command) = await sending.Prepare(request, Now, context.CancellationToken);
        return await commands.Run(file.Call, request, CallerOf(context),
            writer => sending.Send(writer, file, command, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<IncomingMailChanged> RecordIncomingMail(RecordIncomingMailRequest request, ServerCallContext context)
    {
        var (file, work) = await incoming.Prepare(request, Now, context.CancellationToken);
        return await commands.Run(file.Call, request, CallerOf(context), work, context.CancellationToken);
    }

    public override Task<ListRegisterResponse> ListRegister(ListRegisterRequest request, ServerCallContext context) =>
        register.Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<PrintedLetter> PrintLetter(PrintLetterRequest request, ServerCallContext context) =>
        printing.Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<LetterChanged> RecordReply(RecordReplyRequest request, ServerCallContext context) =>
        Change(request, context, Replies.Recording.RecordReply.Parse(request, Now));

    public override async Task<LetterChanged> SendFollowUp(SendFollowUpRequest request, ServerCallContext context) =>
        await Change(request, context, await followingUp.Prepare(request, Now, context.CancellationToken));

    public override Task<LetterChanged> WithdrawLetter(WithdrawLetterRequest request, ServerCallContext context) =>
        Change(request, context, Letters.Withdrawing.WithdrawLetter.Parse(request, Now));

    public override Task<V1.Letter> GetLetter(GetLetterRequest request, ServerCallContext context) =>
        letters.Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<ListOutstandingLettersResponse> ListOutstandingLetters(ListOutstandingLettersRequest request, ServerCallContext context) =>
        outstanding.Handle(request, CallerOf(context), context.CancellationToken);

    public override Task<ListTemplatesResponse> ListTemplates(ListTemplatesRequest request, ServerCallContext context) =>
        Read(context, () => Task.FromResult(templates.Handle(request)));

    public override Task<AgencyChanged> CreateAgency(CreateAgencyRequest request, ServerCallContext context) =>
        editing.Create(request, CallerOf(context), context.CancellationToken);

    public override Task<AgencyChanged> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context) =>
        editing.Update(request, CallerOf(context), context.CancellationToken);

    public override Task<AgencyChanged> DeleteAgency(DeleteAgencyRequest request, ServerCallContext context) =>
        editing.Delete(request, CallerOf(context), context.CancellationToken);

    public override Task<V1.Agency> GetAgency(GetAgencyRequest request, ServerCallContext context) =>
        Read(context, () => agencies.Get(request, context.CancellationToken));

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context) =>
        Read(context, () => agencies.List(request, context.CancellationToken));

    public override Task<AgencyResponseTimes> GetAgencyResponseTimes(GetAgencyResponseTimesRequest request, ServerCallContext context) =>
        Read(context, () => responseTimes.Handle(request, context.CancellationToken));

    public override Task<CorrespondenceStatistics> GetCorrespondenceStatistics(CaseFlow.Reporting.V1.StatisticsFilter request, ServerCallContext context) =>
        statistics.Handle(request, CallerOf(context), context.CancellationToken);

    /// <summary>Every letter command runs on the case's file the same way and answers with the letter and the new version.</summary>
    private Task<LetterChanged> Change(IMessage request, ServerCallContext context, (StreamCommand File, ILetterCommand Command) parsed) =>
        commands.Run<Files.CorrespondenceFile, LetterChanged>(parsed.File, request, CallerOf(context), parsed.Command.Decide,
            (file, _, version) => new LetterChanged
            {
                CaseId = file.Id.ToString(), LetterId = parsed.Command.LetterId.ToString(), Version = (int)version,
            },
            context.CancellationToken);

    /// <summary>A read open to every role, whose answer does not depend on who asks (it holds no personal data).</summary>
    private static Task<T> Read<T>(ServerCallContext context, Func<Task<T>> read)
    {
        CallerOf(context);
        return read();
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Every call names a known user and role, reads included.</summary>
    private static Caller CallerOf(ServerCallContext context) => Caller.From(context);

    /// <summary>The caller's own token, passed on to Intake so it applies the caller's permissions.</summary>
    private static string? Authorization(ServerCallContext context) =>
        context.GetHttpContext().Request.Headers.Authorization.ToString() is { Length: > 0 } value ? value : null;
}
