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
        Methods.Count.ShouldBeGreaterThanOrEqualTo(66); // intake 17, correspondence 17, reunification 14 + flights 8, audit 4 + access log 4, admin 2
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
    public void Supervisors_alone_edit_agencies_approve_letters_run_flights_and_administer_projections()
    {
        Methods.Where(m => m.Roles.SequenceEqual([Caller.Supervisor])).Select(m => m.Descriptor.Name).ShouldBe(
        [
            "ApproveLetter", "CreateAgency", "UpdateAgency", "DeleteAgency",
            "ScheduleFlight", "ChangeFlightCapacity", "CancelFlight", "RecordFlightDeparture", "RecordFlightArrival",
            "ListProjections", "RebuildProjection",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Every_other_write_is_for_operators_and_supervisors_and_every_read_for_all_but_histories_for_dashboards()
    {
        foreach (var method in Methods.Where(m => !m.Roles.SequenceEqual([Caller.Supervisor])))
        {
            string[] expected = method.Descriptor.Name == "ExportStreamHeads" ? [Caller.Supervisor, Caller.Auditor]
                : AccessLogCalls.Contains(method.Descriptor.Name) ? [Caller.Auditor]
                : method.Descriptor.Service.FullName == "caseflow.audit.v1.CaseAudit" ? [Caller.Operator, Caller.Supervisor, Caller.Auditor]
                : IsRead(method) ? [Caller.Operator, Caller.Supervisor, Caller.Auditor, Caller.Dashboard]
                : [Caller.Operator, Caller.Supervisor];
            method.Roles.ShouldBe(expected, ignoreOrder: true, method.GrpcName);
        }
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

    private static bool IsRead(DeclaredMethod method) =>
        method.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { PatternCase: HttpRule.PatternOneofCase.Get };
}
