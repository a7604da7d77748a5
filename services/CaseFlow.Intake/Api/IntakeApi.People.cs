using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases;
using CaseFlow.Intake.Cases.RecordingFamily;
using CaseFlow.Intake.Cases.RegisteringApplicant;
using CaseFlow.Intake.Cases.ReportingSeparation;
using CaseFlow.Intake.Cases.Vulnerabilities;
using Grpc.Core;
using Case = CaseFlow.Intake.Cases.Case;

namespace CaseFlow.Intake.Api;

/// <summary>The applicant, their family, separations and vulnerabilities.</summary>
public sealed partial class IntakeApi
{
    public override async Task<RegisterApplicantResponse> RegisterApplicant(RegisterApplicantRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("RegisterApplicant", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var applicant = Cases.RegisteringApplicant.RegisterApplicant.Parse(check, request.Applicant);
        check.ThrowIfAny();
        var changed = await Change(target, request, context, state => Cases.RegisteringApplicant.RegisterApplicant.Decide(state, applicant, at));
        var response = new RegisterApplicantResponse { CaseId = changed.CaseId, Version = changed.Version };
        response.PossibleDuplicates.AddRange(await PossibleDuplicates(target.StreamId, applicant, context.CancellationToken));
        return response;
    }

    public override Task<CaseChanged> CorrectApplicantDetails(CorrectApplicantDetailsRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("CorrectApplicantDetails", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var applicant = Cases.RegisteringApplicant.RegisterApplicant.Parse(check, request.Applicant);
        var reason = CaseInput.Text(check, request.Reason, "reason", "the reason for the correction");
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.RegisteringApplicant.RegisterApplicant.DecideCorrection(state, applicant, reason, at));
    }

    public override Task<CaseChanged> RecordFamilyMember(RecordFamilyMemberRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("RecordFamilyMember", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var member = Cases.RecordingFamily.RecordFamilyMember.Parse(check, request.Member);
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.RecordingFamily.RecordFamilyMember.Decide(state, member, at));
    }

    public override Task<CaseChanged> UpdateFamilyMember(UpdateFamilyMemberRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("UpdateFamilyMember", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        var member = Cases.RecordingFamily.RecordFamilyMember.Parse(check, request.Member);
        check.ThrowIfAny();
        return Change(target, request, context, state => Cases.RecordingFamily.RecordFamilyMember.DecideUpdate(state, member, at));
    }

    public override Task<CaseChanged> ReportFamilySeparation(ReportFamilySeparationRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("ReportFamilySeparation", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.Required(request.MemberId, "memberId", "the separated member's id");
        var location = CaseInput.Place(check, request.Location, "location", required: true);
        var since = CaseInput.Date(check, request.SeparatedSince, "separatedSince", required: true);
        check.ThrowIfAny();
        var report = new SeparationReport(request.MemberId.Trim(), location!, CaseInput.Optional(request.Caregiver), since!.Value);
        return Change(target, request, context, state => Cases.ReportingSeparation.ReportFamilySeparation.Decide(state, report, at));
    }

    public override Task<VulnerabilityRaisedResponse> RaiseVulnerability(RaiseVulnerabilityRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("RaiseVulnerability", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.Required(request.Kind, "kind", "the kind of vulnerability")
            .That(string.IsNullOrWhiteSpace(request.Kind) || reference.IsVulnerabilityKind(request.Kind), "kind",
                $"unknown vulnerability kind '{request.Kind}'; known kinds: {reference.KnownVulnerabilityKinds}");
        var note = CaseInput.Text(check, request.Note, "note", "a note", required: false);
        check.ThrowIfAny();
        var report = new VulnerabilityReport(request.Kind, CaseInput.Optional(request.MemberId), note);
        // The answer comes from the decided event, and is kept with the request id: a retry names the same vulnerability.
        return Change(target, request, context,
            state => Cases.Vulnerabilities.RaiseVulnerability.Decide(state, report, reference.VulnerabilityKinds, at),
            (state, decided, version) =>
            {
                var raised = decided.OfType<VulnerabilityRaised>().Single();
                return new VulnerabilityRaisedResponse
                {
                    CaseId = state.Id.ToString(), Version = (int)version,
                    VulnerabilityId = raised.VulnerabilityId, Priority = Words.Of(raised.PriorityAfter),
                };
            });
    }

    public override Task<CaseChanged> ClearVulnerability(ClearVulnerabilityRequest request, ServerCallContext context)
    {
        var (check, target) = Begin("ClearVulnerability", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var at = CaseInput.BusinessTime(check, request.OccurredAt, Now);
        check.Required(request.VulnerabilityId, "vulnerabilityId", "the vulnerability id");
        var note = CaseInput.Text(check, request.Note, "note", "a note", required: false);
        check.ThrowIfAny();
        return Change(target, request, context,
            state => Cases.Vulnerabilities.RaiseVulnerability.DecideClearing(state, request.VulnerabilityId.Trim(), note, reference.VulnerabilityKinds, at));
    }
}
