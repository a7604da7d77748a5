using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Google.Api;

namespace CaseFlow.ServiceDefaults.Tests.Access;

/// <summary>Who may call what is declared once, in the protos: every rpc declares it, and it says what CaseFlow promises.</summary>
public sealed class DeclaredAccessTests
{
    private static readonly IReadOnlyCollection<DeclaredMethod> Methods = CaseFlowMethods.All;
    private static readonly string[] AccessLogCalls = ["ListCaseAccess", "ListUserAccess", "ListAccessInPeriod", "VerifyCaseAccess"];

    [Fact]
    public void Every_caseflow_rpc_declares_who_may_call_it_with_known_roles()
    {
        Methods.Count.ShouldBeGreaterThanOrEqualTo(67); // intake 18, correspondence 17, reunification 14 + flights 8, audit 4 + access log 4, admin 2
        foreach (var method in Methods)
        {
            method.Roles.ShouldNotBeEmpty($"{method.GrpcName} declares no (caseflow.options.v1.access)");
            method.Roles.ShouldAllBe(role => Caller.Roles.Contains(role), method.GrpcName);
        }
    }

    [Fact]
    public void Auditors_and_dashboards_never_write()
    {
        var writes = Methods.Where(m => !IsRead(m)).ToList();
        writes.Count.ShouldBeGreaterThan(40);
        foreach (var write in writes)
        {
            write.Allows(Caller.Auditor).ShouldBeFalse(write.GrpcName);
            write.Allows(Caller.Dashboard).ShouldBeFalse(write.GrpcName);
        }
    }

    [Fact]
    public void Supervisors_alone_edit_agencies_approve_letters_run_flights_issue_manifests_erase_people_and_administer_projections_dead_letters_and_status()
    {
        Methods.Where(m => m.Roles.SequenceEqual([Caller.Supervisor])).Select(m => m.Descriptor.Name).ShouldBe(
        [
            "ApproveLetter", "CreateAgency", "UpdateAgency", "DeleteAgency",
            "ScheduleFlight", "ChangeFlightCapacity", "CancelFlight", "RecordFlightDeparture", "RecordFlightArrival", "IssueManifest",
            "ListProjections", "RebuildProjection", "ListDeadLetters", "ReplayDeadLetters", "GetStatus", "ErasePersonalData",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Every_other_write_is_for_operators_and_supervisors_and_every_read_for_all_but_per_case_reads_for_dashboards()
    {
        foreach (var method in Methods.Where(m => !m.Roles.SequenceEqual([Caller.Supervisor])))
        {
            string[] expected = method.Descriptor.Name == "ExportStreamHeads" ? [Caller.Supervisor, Caller.Auditor]
                : AccessLogCalls.Contains(method.Descriptor.Name) ? [Caller.Auditor]
                : IsPerCaseRead(method) ? [Caller.Operator, Caller.Supervisor, Caller.Auditor]
                : IsRead(method) ? [Caller.Operator, Caller.Supervisor, Caller.Auditor, Caller.Dashboard]
                : [Caller.Operator, Caller.Supervisor];
            method.Roles.ShouldBe(expected, ignoreOrder: true, method.GrpcName);
        }
    }

    [Fact]
    public void Dashboards_get_aggregates_and_lists_only_and_every_read_of_one_case_is_refused_to_them()
    {
        Methods.Where(m => m.Allows(Caller.Dashboard)).Select(m => m.Descriptor.Name).ShouldBe(
        [
            "ListOutstandingLetters", "ListTemplates", "GetAgency", "ListAgencies", "GetAgencyResponseTimes",
            "GetReunificationStatistics", "GetFlightManifest", "GetWaitlist", "ListFlights", "ExportCases",
            "GetCaseloadStatistics", "GetCorrespondenceStatistics",
            // The letter register: numbers, dates and agencies; its subject is personal and cleared for dashboards.
            "ListRegister",
        ], ignoreOrder: true);
        Methods.Where(m => m.Descriptor.InputType.FindFieldByName("case_id") is not null || m.Descriptor.Name is "ListCases" or "SearchCases")
            .ShouldAllBe(m => !m.Allows(Caller.Dashboard));
    }

    [Fact]
    public void Operators_are_held_to_their_own_center_on_every_call_of_cases_and_supervisors_and_auditors_on_none()
    {
        string[] allCenters = ["ListTemplates", "GetAgency", "ListAgencies", "GetAgencyResponseTimes", "ListFlights"];
        foreach (var method in Methods.Where(m => m.Allows(Caller.Operator)))
            method.HoldsToOwnCenter(Caller.Operator).ShouldBe(!allCenters.Contains(method.Descriptor.Name), method.GrpcName);
        foreach (var method in Methods)
        {
            method.OwnCenterOnly.ShouldAllBe(role => role == Caller.Operator, method.GrpcName);
            method.OwnCenterOnly.ShouldAllBe(role => method.Allows(role), method.GrpcName);
        }
    }

    [Fact]
    public void Only_dashboards_are_declared_to_see_no_personal_data()
    {
        Caller.Roles.Where(role => !PersonalData.SeenBy(role)).ShouldBe([Caller.Dashboard]);
        PersonalData.SeenBy(Caller.SystemRole).ShouldBeFalse(); // undeclared roles see none
    }

    [Fact]
    public void The_center_rule_of_a_caller_is_the_declaration_of_their_call()
    {
        var getCase = CaseFlowMethods.Find("/caseflow.intake.v1.Intake/GetCase")!;
        var templates = CaseFlowMethods.Find("/caseflow.correspondence.v1.Correspondence/ListTemplates")!;
        var osh = new Caller("aigul", Caller.Operator, "osh");
        Should.Throw<Forbidden>(() => (osh with { Call = getCase }).EnsureCanRead("kara-suu"));
        Should.NotThrow(() => (osh with { Call = templates }).EnsureCanRead("kara-suu"));
        Should.NotThrow(() => (new Caller("donor", Caller.Auditor, null) with { Call = getCase }).EnsureCanRead("kara-suu"));
        var closeCase = CaseFlowMethods.Find("/caseflow.intake.v1.Intake/CloseCase")!;
        Should.Throw<Forbidden>(() => (osh with { Call = closeCase }).EnsureCanChange("kara-suu"));
        Should.NotThrow(() => (osh with { Call = closeCase }).EnsureCanChange("osh"));
        Should.NotThrow(() => (new Caller("coordinator", Caller.Supervisor, null) with { Call = closeCase }).EnsureCanChange("kara-suu"));
        Should.Throw<Forbidden>(() => (new Caller("donor", Caller.Auditor, null) with { Call = closeCase }).EnsureCanChange("kara-suu"));
        Should.NotThrow(() => Caller.System("intake").EnsureCanChange("kara-suu"));
    }

    [Fact]
    public void The_access_log_is_for_auditors_alone()
    {
        Methods.Where(m => m.Roles.SequenceEqual([Caller.Auditor])).Select(m => m.Descriptor.Name).ShouldBe(AccessLogCalls, ignoreOrder: true);
    }

    [Fact]
    public void Gateway_lookups_find_a_method_by_its_grpc_name_and_nothing_outside_caseflow()
    {
        CaseFlowMethods.Find("/caseflow.admin.v1.Admin/RebuildProjection")!.Descriptor.IsServerStreaming.ShouldBeTrue();
        CaseFlowMethods.Find("/grpc.health.v1.Health/Check").ShouldBeNull();
        CaseFlowMethods.IsCaseFlow("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo").ShouldBeFalse();
        CaseFlowMethods.IsCaseFlow("/caseflow.intake.v1.Intake/NoSuchCall").ShouldBeTrue();
    }

    private static bool IsPerCaseRead(DeclaredMethod method) =>
        // SearchCases is one: a search by a phone or passport number would tell a dashboard whether that person has a case.
        IsRead(method) && (method.Descriptor.InputType.FindFieldByName("case_id") is not null || method.Descriptor.Name is "ListCases" or "SearchCases");

    private static bool IsRead(DeclaredMethod method) =>
        method.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: HttpRule.PatternOneofCase.Get };
}
