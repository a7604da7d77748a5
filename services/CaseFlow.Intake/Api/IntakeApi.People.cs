using CaseFlow.Intake.Cases.RecordingFamily;
using CaseFlow.Intake.Cases.RegisteringApplicant;
using CaseFlow.Intake.Cases.ReportingSeparation;
using CaseFlow.Intake.Cases.Vulnerabilities;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>The applicant, their family, separations and vulnerabilities.</summary>
public sealed partial class IntakeApi
{
    public override Task<RegisterApplicantResponse> RegisterApplicant(RegisterApplicantRequest request, ServerCallContext context) =>
        RegisterApplicantRules.Handle(commands, sessions, index, request, CallerOf(context), Now, context.CancellationToken);

    public override Task<CaseChanged> CorrectApplicantDetails(CorrectApplicantDetailsRequest request, ServerCallContext context) =>
        Change(context, request, _ => CorrectApplicantDetailsRules.Parse(request, Now), CorrectApplicantDetailsRules.Decide);

    public override Task<CaseChanged> RecordFamilyMember(RecordFamilyMemberRequest request, ServerCallContext context) =>
        Change(context, request, _ => RecordFamilyMemberRules.Parse(request, Now), RecordFamilyMemberRules.Decide);

    public override Task<CaseChanged> UpdateFamilyMember(UpdateFamilyMemberRequest request, ServerCallContext context) =>
        Change(context, request, _ => UpdateFamilyMemberRules.Parse(request, Now), UpdateFamilyMemberRules.Decide);

    public override Task<CaseChanged> ReportFamilySeparation(ReportFamilySeparationRequest request, ServerCallContext context) =>
        Change(context, request, _ => ReportFamilySeparationRules.Parse(request, Now), ReportFamilySeparationRules.Decide);

    public override Task<VulnerabilityRaisedResponse> RaiseVulnerability(RaiseVulnerabilityRequest request, ServerCallContext context) =>
        Change(context, request, _ => RaiseVulnerabilityRules.Parse(request, reference, Now),
            (state, command) => RaiseVulnerabilityRules.Decide(state, command, reference.VulnerabilityKinds), RaiseVulnerabilityRules.Respond);

    public override Task<CaseChanged> ClearVulnerability(ClearVulnerabilityRequest request, ServerCallContext context) =>
        Change(context, request, _ => ClearVulnerabilityRules.Parse(request, Now),
            (state, command) => ClearVulnerabilityRules.Decide(state, command, reference.VulnerabilityKinds));
}
