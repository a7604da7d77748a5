using CaseFlow.Audit.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.ServiceDefaults.Audit.AccessLog;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.ServiceDefaults.Tests.Access;

/// <summary>Which answers show personal data, and whose, read from the fields the protos mark personal.</summary>
public sealed class PersonalDataShownTests
{
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();

    [Fact]
    public void Every_read_of_a_case_may_show_personal_data_and_commands_acknowledgements_and_aggregates_do_not()
    {
        bool May(string method) => PersonalDataShown.MayCarry(CaseFlowMethods.Find(method)!.Descriptor.OutputType);
        foreach (var read in new[]
                 {
                     "/caseflow.intake.v1.Intake/GetCase", "/caseflow.intake.v1.Intake/ListCases", "/caseflow.intake.v1.Intake/GetCaseTimeline",
                     "/caseflow.intake.v1.Intake/RegisterApplicant", "/caseflow.correspondence.v1.Correspondence/GetLetter",
                     "/caseflow.reunification.v1.Reunification/GetReunification", "/caseflow.reunification.v1.Flights/GetFlightManifest",
                     "/caseflow.audit.v1.CaseAudit/GetCaseHistory", "/caseflow.audit.v1.CaseAudit/GetCaseStateAt",
                 })
            May(read).ShouldBeTrue(read);
        foreach (var other in new[]
                 {
                     "/caseflow.intake.v1.Intake/HoldConsultation", "/caseflow.intake.v1.Intake/OpenCase", "/caseflow.audit.v1.CaseAudit/VerifyCase",
                     "/caseflow.reunification.v1.Reunification/GetReunificationStatistics", "/caseflow.audit.v1.CaseAudit/ListCaseAccess",
                 })
            May(other).ShouldBeFalse(other);
    }

    [Fact]
    public void A_list_shows_the_personal_data_of_each_case_it_names()
    {
        var list = new ListCasesResponse
        {
            Cases = { new CaseSummary { CaseId = First.ToString(), ApplicantName = "Alima" }, new CaseSummary { CaseId = Second.ToString(), ApplicantName = "Aibek" } },
        };
        PersonalDataShown.ShownIn(list, requestedCase: null).ShouldBe([First, Second], ignoreOrder: true);
    }

    [Fact]
    public void An_answer_with_every_personal_field_empty_shows_nothing()
    {
        var redacted = new CaseDetails { CaseId = First.ToString(), Status = "open", Applicant = new ApplicantDetails() };
        PersonalDataShown.ShownIn(redacted, First).ShouldBeEmpty();
        PersonalDataShown.ShownIn(new CaseDetails { CaseId = First.ToString(), ApplicantName = "Alima" }, null).ShouldBe([First]);
    }

    [Fact]
    public void Personal_data_without_a_case_id_of_its_own_belongs_to_the_requested_case()
    {
        var history = new CaseHistory { Events = { new HistoryEvent { Data = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["Topic"] = Google.Protobuf.WellKnownTypes.Value.ForString("x") } } } } };
        PersonalDataShown.ShownIn(history, Second).ShouldBe([Second]);
        PersonalDataShown.CaseOf(new GetCaseRequest { CaseId = Second.ToString() }).ShouldBe(Second);
        PersonalDataShown.CaseOf(new GetFlightRequest()).ShouldBeNull();
    }

    [Fact]
    public void The_access_log_stream_of_a_case_is_its_own_and_always_the_same()
    {
        PersonalDataRead.StreamOf(First).ShouldBe(PersonalDataRead.StreamOf(First));
        PersonalDataRead.StreamOf(First).ShouldNotBe(First);
        PersonalDataRead.StreamOf(First).ShouldNotBe(PersonalDataRead.StreamOf(Second));
        PersonalDataRead.StreamOf(null).ShouldNotBe(Guid.Empty);
    }
}
