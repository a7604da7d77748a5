using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using Npgsql;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>
/// Every read that shows personal data is recorded by the service that served it — who, in which role and center, which
/// case, which call, when, and why if they said — and auditors alone list it, per case, per user and per period.
/// </summary>
public sealed class AccessLogTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private const string GetCase = "/caseflow.intake.v1.Intake/GetCase";

    private JsonApi Auditor(RunningService service) => service.Json(system.Token(Caller.Auditor, center: null, user: "log-auditor"));

    private async Task<string> NewCase() => (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase(name: "Alima Logged"))).Str("caseId");

    private async Task<JsonArray> CaseLog(RunningService service, string caseId) =>
        (await Auditor(service).Get($"/v1/audit/access/cases/{caseId}").Ok())["entries"]?.AsArray() ?? [];

    private async Task<JsonArray> UserLog(RunningService service, string user, string query = "") =>
        (await Auditor(service).Get($"/v1/audit/access/users/{user}{query}").Ok())["entries"]?.AsArray() ?? [];

    private static Metadata WithPurpose(string token, string purpose) =>
        new() { { "authorization", $"Bearer {token}" }, { "x-caseflow-purpose", purpose } };

    [Fact]
    public async Task Reads_by_an_operator_a_supervisor_and_an_auditor_are_each_logged_with_who_where_which_call_and_why()
    {
        var caseId = await NewCase();
        var intake = new IntakeClient(system.Intake.Grpc);
        var request = new GetCaseRequest { CaseId = caseId };
        await intake.GetCaseAsync(request, WithPurpose(system.Token(user: "reader-aigul"), "preparing the consulate letter"));
        await system.Intake.Json(system.Token(Caller.Supervisor, center: null, user: "reader-coordinator")).Get($"/v1/cases/{caseId}").Ok();
        await intake.GetCaseAsync(request, WithPurpose(system.Token(Caller.Auditor, center: null, user: "reader-donor"), "annual donor audit"));
        await Auditor(system.Intake).Get($"/v1/cases/{caseId}/history").Ok();

        var log = await CaseLog(system.Intake, caseId);
        log.Select(e => (e!["user"]!.ToString(), e["role"]!.ToString(), e["center"]?.ToString() ?? "", e["call"]!.ToString(), e["purpose"]?.ToString() ?? ""))
            .ShouldBe(
            [
                ("reader-aigul", Caller.Operator, "kara-suu", GetCase, "preparing the consulate letter"),
                ("reader-coordinator", Caller.Supervisor, "", GetCase, ""),
                ("reader-donor", Caller.Auditor, "", GetCase, "annual donor audit"),
                ("log-auditor", Caller.Auditor, "", "/caseflow.audit.v1.CaseAudit/GetCaseHistory", ""),
            ]);
        log.ShouldAllBe(e => e!["caseId"]!.ToString() == caseId);
        log.Select(e => DateTimeOffset.Parse(e!["readAt"]!.ToString())).ShouldBeInOrder();
        log.Select(e => DateTimeOffset.Parse(e!["readAt"]!.ToString())).ShouldAllBe(at => at > DateTimeOffset.UtcNow.AddMinutes(-5));
        log.Select(e => e!["hash"]!.ToString()).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public async Task Each_service_logs_the_reads_it_served()
    {
        var caseId = await NewCase();
        await Eventually.Get(() => system.Reunification.Json(system.Token()).Find($"/v1/cases/{caseId}/reunification"), "the reunification file");
        await system.Reunification.Json(system.Token(user: "history-reader")).Get($"/v1/cases/{caseId}/history").Ok();

        var log = await Auditor(system.Reunification).Get($"/v1/audit/access/cases/{caseId}").Ok();
        log.Str("service").ShouldBe("reunification");
        log["entries"]!.AsArray().Select(e => (e!["user"]!.ToString(), e["call"]!.ToString()))
            .ShouldContain(("history-reader", "/caseflow.audit.v1.CaseAudit/GetCaseHistory"));
        (await CaseLog(system.Intake, caseId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_write_a_verification_and_an_aggregate_without_personal_data_are_not_logged()
    {
        var caseId = await NewCase();
        var lawyer = system.Intake.Json(system.Token(user: "writer-aigul"));
        await lawyer.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), topic = "t", advice = "a", durationMinutes = 10 }).Ok();
        await system.Intake.Json(system.Token(user: "writer-aigul")).Get($"/v1/cases/{caseId}/verify").Ok();
        await system.Reunification.Json(system.Token(Caller.Supervisor, center: null, user: "writer-aigul")).Get("/v1/reunification/statistics").Ok();

        (await CaseLog(system.Intake, caseId)).ShouldBeEmpty();
        (await UserLog(system.Intake, "writer-aigul")).ShouldBeEmpty();
        (await UserLog(system.Reunification, "writer-aigul")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_list_is_logged_once_for_each_case_it_showed_with_one_read_id()
    {
        var center = "osh";
        var cases = new[]
        {
            (await system.Intake.Json(system.Token(center: center)).OpenCase(IntakeCalls.NewCase(center: center, name: "Listed One"))).Str("caseId"),
            (await system.Intake.Json(system.Token(center: center)).OpenCase(IntakeCalls.NewCase(center: center, name: "Listed Two"))).Str("caseId"),
        };
        await system.Intake.Json(system.Token(center: center, user: "list-reader")).Get($"/v1/cases?centerId={center}&pageSize=50").Ok();

        var reads = await UserLog(system.Intake, "list-reader");
        reads.Select(e => e!["caseId"]!.ToString()).ShouldBe(cases, ignoreOrder: true);
        reads.Select(e => e!["readId"]!.ToString()).Distinct().Count().ShouldBe(1);
        reads.ShouldAllBe(e => e!["call"]!.ToString() == "/caseflow.intake.v1.Intake/ListCases");
    }

    [Fact]
    public async Task Listing_by_user_and_by_period_finds_the_reads_of_that_user_and_time()
    {
        var caseId = await NewCase();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var reader = system.Intake.Json(system.Token(user: "period-reader"));
        for (var i = 0; i < 3; i++) await reader.Get($"/v1/cases/{caseId}/timeline").Ok();
        await system.Intake.Json(system.Token(user: "someone-else")).Get($"/v1/cases/{caseId}").Ok();
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));

        (await UserLog(system.Intake, "period-reader")).Count.ShouldBe(3);
        (await UserLog(system.Intake, "period-reader", $"?from={At(before)}&to={At(after)}")).Count.ShouldBe(3);
        (await UserLog(system.Intake, "period-reader", $"?to={At(before)}")).ShouldBeEmpty();

        var period = (await Auditor(system.Intake).Get($"/v1/audit/access?from={At(before)}&to={At(after)}&pageSize=1000").Ok())["entries"]!.AsArray();
        period.Select(e => e!["user"]!.ToString()).ShouldContain("period-reader");
        period.Select(e => e!["user"]!.ToString()).ShouldContain("someone-else");
        ((await Auditor(system.Intake).Get($"/v1/audit/access?from={At(after)}&to={At(after.AddHours(1))}").Ok())["entries"]?.AsArray().Count ?? 0).ShouldBe(0);

        var first = await Auditor(system.Intake).Get("/v1/audit/access/users/period-reader?pageSize=2").Ok();
        first["entries"]!.AsArray().Count.ShouldBe(2);
        var rest = await Auditor(system.Intake).Get($"/v1/audit/access/users/period-reader?pageSize=2&after={first.Str("nextAfter")}").Ok();
        rest["entries"]!.AsArray().Count.ShouldBe(1);
        (rest["nextAfter"]?.ToString() ?? "0").ShouldBe("0");
    }

    [Theory]
    [InlineData(Caller.Operator)]
    [InlineData(Caller.Supervisor)]
    [InlineData(Caller.Dashboard)]
    public async Task Nobody_but_auditors_lists_or_verifies_the_log_and_no_call_writes_it(string role)
    {
        var caseId = await NewCase();
        var caller = system.Intake.Json(system.Token(role, center: role == Caller.Operator ? "kara-suu" : null));
        var from = Uri.EscapeDataString("2020-01-01T00:00:00Z");
        var to = Uri.EscapeDataString("2030-01-01T00:00:00Z");
        foreach (var path in new[] { $"/v1/audit/access/cases/{caseId}", "/v1/audit/access/users/lawyer-aigul", $"/v1/audit/access?from={from}&to={to}", $"/v1/audit/access/cases/{caseId}/verify" })
            (await caller.Get(path)).Status.ShouldBe(HttpStatusCode.Forbidden, $"{role} {path}");

        // The log's stream id follows from the case id, but the case audit calls do not serve it.
        await system.Intake.Json(system.Token()).Get($"/v1/cases/{caseId}").Ok();
        var logStream = CaseFlow.ServiceDefaults.Audit.AccessLog.PersonalDataRead.StreamOf(Guid.Parse(caseId));
        (await caller.Get($"/v1/cases/{logStream}/history")).Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);

        var auditor = Auditor(system.Intake);
        foreach (var path in new[] { $"/v1/audit/access/cases/{caseId}", "/v1/audit/access" })
            (await auditor.Post(path, new { user = "forged", call = "nothing" })).Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Concurrent_reads_of_one_case_are_all_served_and_logged_and_the_chain_verifies()
    {
        var caseId = await NewCase();
        var reader = system.Intake.Json(system.Token(user: "busy-reader"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => reader.Get($"/v1/cases/{caseId}")));
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);

        var log = await CaseLog(system.Intake, caseId);
        log.Count.ShouldBe(12);
        log.Select(e => long.Parse(e!["version"]!.ToString())).ShouldBe(Enumerable.Range(1, 12).Select(v => (long)v));
        var verification = await Auditor(system.Intake).Get($"/v1/audit/access/cases/{caseId}/verify").Ok();
        verification["intact"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        verification["eventsChecked"]!.GetValue<int>().ShouldBe(12);
        (await Auditor(system.Intake).Get($"/v1/cases/{caseId}/verify").Ok())["eventsChecked"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Editing_a_logged_read_in_the_database_is_caught_by_the_logs_verification()
    {
        var caseId = await NewCase();
        await system.Intake.Json(system.Token(user: "hidden-reader")).Get($"/v1/cases/{caseId}").Ok();
        await system.Intake.Json(system.Token(user: "second-reader")).Get($"/v1/cases/{caseId}").Ok();

        await using (var connection = new NpgsqlConnection(TestEnvironment.Postgres))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                $"update {system.Schema(system.Intake)}.mt_events set data = jsonb_set(data, '{{User}}', '\"nobody\"') where type = 'personal_data_read' and data ->> 'User' = 'hidden-reader'",
                connection);
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var verification = await Auditor(system.Intake).Get($"/v1/audit/access/cases/{caseId}/verify").Ok();
        verification["intact"]!.GetValue<bool>().ShouldBeFalse();
        verification["firstBrokenVersion"]!.ToString().ShouldBe("1");
    }

    [Fact]
    public async Task A_stated_purpose_longer_than_the_limit_is_bad_input_and_the_case_is_not_shown()
    {
        var caseId = await NewCase();
        var call = new IntakeClient(system.Intake.Grpc).GetCaseAsync(new GetCaseRequest { CaseId = caseId },
            WithPurpose(system.Token(user: "verbose-reader"), new string('p', 201)));

        (await Should.ThrowAsync<RpcException>(() => call.ResponseAsync)).StatusCode.ShouldBe(StatusCode.InvalidArgument);
        (await UserLog(system.Intake, "verbose-reader")).ShouldBeEmpty();
    }
}
