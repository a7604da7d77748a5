using CaseFlow.Intake.Cases.Assigning;
using CaseFlow.Intake.Cases.Closing;
using CaseFlow.Intake.Cases.Consulting;
using CaseFlow.Intake.Cases.CorrectingBusinessTime;
using CaseFlow.Intake.Cases.Referring;
using CaseFlow.Intake.Cases.Reopening;
using CaseFlow.Intake.Cases.Transferring;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>The life of the case itself: consultations, who handles it, where it goes, how it ends.</summary>
public sealed partial class IntakeApi
{
    public override Task<CaseChanged> HoldConsultation(HoldConsultationRequest request, ServerCallContext context) =>
        Change(context, request, caller => HoldConsultationRules.Parse(request, caller, Now), HoldConsultationRules.Decide);

    /// <summary>The fact is read before the command (it never changes); the write path then checks the caller's center.</summary>
    public override async Task<CaseChanged> CorrectBusinessTime(CorrectBusinessTimeRequest request, ServerCallContext context)
    {
        _ = CallerOf(context);
        var (target, command) = CorrectBusinessTimeRules.Parse(request, Now);
        var fact = await CorrectBusinessTimeRules.Fact(sessions, target, command, context.CancellationToken);
        return await Change(context, request, _ => (target, command), (state, c) => CorrectBusinessTimeRules.Decide(state, c, fact));
    }

    public override Task<CaseChanged> AssignCase(AssignCaseRequest request, ServerCallContext context) =>
        Change(context, request, _ => AssignCaseRules.Parse(request, Now), AssignCaseRules.Decide);

    public override Task<CaseChanged> TransferCase(TransferCaseRequest request, ServerCallContext context) =>
        Change(context, request, _ => TransferCaseRules.Parse(request, reference, Now), TransferCaseRules.Decide);

    public override Task<CaseChanged> ReferCase(ReferCaseRequest request, ServerCallContext context) =>
        Change(context, request, _ => ReferCaseRules.Parse(request, Now), ReferCaseRules.Decide);

    public override Task<CaseChanged> CloseCase(CloseCaseRequest request, ServerCallContext context) =>
        Change(context, request, _ => CloseCaseRules.Parse(request, Now), CloseCaseRules.Decide);

    public override Task<CaseChanged> ReopenCase(ReopenCaseRequest request, ServerCallContext context) =>
        Change(context, request, _ => ReopenCaseRules.Parse(request, Now), ReopenCaseRules.Decide);
}
