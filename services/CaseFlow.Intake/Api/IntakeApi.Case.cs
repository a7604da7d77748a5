using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.Consulting;
using CaseFlow.Intake.Cases.Referring;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>The life of the case itself: consultations, who handles it, where it goes, how it ends.</summary>
public sealed partial class IntakeApi
{
    public override Task<CaseChanged> HoldConsultation(HoldConsultationRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("HoldConsultation", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var topic = CaseInput.Text(check, request.Topic, "topic", "the topic");
        var advice = CaseInput.Text(check, request.Advice, "advice", "the advice given");
        check.That(request.DurationMinutes is > 0 and <= Cases.Consulting.HoldConsultation.MaxMinutes, "durationMinutes",
            $"must be between 1 and {Cases.Consulting.HoldConsultation.MaxMinutes}");
        check.ThrowIfAny();
        var lawyer = CaseInput.Optional(request.Lawyer) ?? CallerOf(context).User;
        var consultation = new Consultation(lawyer, topic, advice, request.DurationMinutes);
        return Change(target, request, context, state => Cases.Consulting.HoldConsultation.Decide(state, consultation, at));
    }

    public override Task<CaseChanged> AssignCase(AssignCaseRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("AssignCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.Required(request.Operator, "operator", "the operator's user name").MaxLength(request.Operator, CaseInput.MaxName, "operator");
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.Assigning.AssignCase.Decide(state, request.Operator.Trim(), at));
    }

    public override Task<CaseChanged> TransferCase(TransferCaseRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("TransferCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.Required(request.ToCenterId, "toCenterId", "the receiving center")
            .That(string.IsNullOrWhiteSpace(request.ToCenterId) || reference.IsCenter(request.ToCenterId), "toCenterId",
                $"unknown center '{request.ToCenterId}'; known centers: {reference.KnownCenters}");
        var reason = CaseInput.Text(check, request.Reason, "reason", "the reason for the transfer");
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.Transferring.TransferCase.Decide(state, request.ToCenterId, reason, at));
    }

    public override Task<CaseChanged> ReferCase(ReferCaseRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("ReferCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var to = CaseInput.Text(check, request.ReferredTo, "referredTo", "the agency or service referred to");
        var reason = CaseInput.Text(check, request.Reason, "reason", "the reason for the referral");
        check.ThrowIfAny();
        var referral = new ReferralRequest(to, reason, request.ConsentGiven, CaseInput.Optional(request.ConsentNote));
        return Change(target, request, context, state => Cases.Referring.ReferCase.Decide(state, referral, at));
    }

    public override Task<CaseChanged> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("CloseCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.That(Words.TryParse<CaseOutcome>(request.Outcome, out var outcome), "outcome",
            $"unknown outcome '{request.Outcome}'; use one of: {Words.All<CaseOutcome>()}");
        var summary = CaseInput.Text(check, request.Summary, "summary", "a summary of the outcome");
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.Closing.CloseCase.Decide(state, outcome, summary, at));
    }

    public override Task<CaseChanged> ReopenCase(ReopenCaseRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("ReopenCase", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var reason = CaseInput.Text(check, request.Reason, "reason", "the reason for reopening");
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.Reopening.ReopenCase.Decide(state, reason, at));
    }
}
