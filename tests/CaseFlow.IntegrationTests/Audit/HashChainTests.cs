using System.Net;
using CaseFlow.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>Each stream is a hash chain: altering, reordering or deleting a stored event is reported with the exact event.</summary>
public sealed class HashChainTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Auditor => system.Intake.Json(system.Token(role: "auditor", center: null, user: "donor-auditor"));

    private async Task Tamper(string sql, string caseId)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        var statements = sql.Replace("{events}", $"{system.Schema(system.Intake)}.mt_events").Replace("$1", $"'{Guid.Parse(caseId)}'");
        await using var command = new NpgsqlCommand(statements, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_untouched_case_verifies_and_its_history_names_who_did_what_when()
    {
        var caseId = await system.CaseWithFiveEvents();

        var verification = await Auditor.Get($"/v1/cases/{caseId}/verify").Ok();
        verification["intact"]!.GetValue<bool>().ShouldBeTrue();
        verification["eventsChecked"]!.GetValue<int>().ShouldBe(5);

        var events = (await Auditor.Get($"/v1/cases/{caseId}/history").Ok())["events"]!.AsArray();
        events.Count.ShouldBe(5);
        events[1]!["user"]!.ToString().ShouldBe("lawyer-aigul");
        events[1]!["role"]!.ToString().ShouldBe("operator");
        events[1]!["occurredAt"]!.ToString().ShouldBe("2020-04-02T12:00:00Z");
        events[1]!["data"]!["Topic"]!.ToString().ShouldBe("entry rules");
        events.Select(e => e!["hash"]!.ToString()).Distinct().Count().ShouldBe(5);
        (await Auditor.Get($"/v1/audit/access/cases/{caseId}").Ok())["entries"]!.AsArray()
            .ShouldContain(read => read!["user"]!.ToString() == "donor-auditor" && read["call"]!.ToString() == "/caseflow.audit.v1.CaseAudit/GetCaseHistory");
    }

    [Fact]
    public async Task The_state_as_of_a_business_date_folds_only_what_had_happened_by_then()
    {
        var caseId = await system.CaseWithFiveEvents();

        var state = await Auditor.Get($"/v1/cases/{caseId}/state?asOf=2020-05-15T00:00:00Z").Ok();
        state["state"]!["ConsultationCount"]!.GetValue<int>().ShouldBe(3);
        (await Auditor.Get($"/v1/cases/{caseId}/state?version=2").Ok())["state"]!["ConsultationCount"]!.GetValue<int>().ShouldBe(1);
        (await Auditor.Get($"/v1/cases/{caseId}/state?knownAt=2001-01-01T00:00:00Z").Ok())["eventsApplied"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("update {events} set data = jsonb_set(data, '{Topic}', '\"nothing happened\"') where stream_id = $1 and version = 3", 3)]
    [InlineData("delete from {events} where stream_id = $1 and version = 2", 2)]
    [InlineData("update {events} set version = 1000 where stream_id = $1 and version = 3; update {events} set version = 3 where stream_id = $1 and version = 4; update {events} set version = 4 where stream_id = $1 and version = 1000", 3)]
    [InlineData("update {events} set user_name = 'someone-else' where stream_id = $1 and version = 4", 4)]
    public async Task Tampering_with_a_stored_event_is_reported_with_the_exact_event(string tampering, long firstBroken)
    {
        var caseId = await system.CaseWithFiveEvents();

        await Tamper(tampering, caseId);

        var verification = await Auditor.Get($"/v1/cases/{caseId}/verify").Ok();
        verification["intact"]!.GetValue<bool>().ShouldBeFalse();
        verification["firstBrokenVersion"]!.ToString().ShouldBe(firstBroken.ToString());
        verification["problem"]!.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Dashboards_and_operators_of_other_centers_cannot_read_histories()
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase())).Str("caseId");
        (await system.Intake.Json(system.Token(role: "dashboard", center: null)).Get($"/v1/cases/{caseId}/history")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await system.Intake.Json(system.Token(center: "osh")).Get($"/v1/cases/{caseId}/history")).Status.ShouldBe(HttpStatusCode.Forbidden);
        await system.Intake.Json(system.Token()).Get($"/v1/cases/{caseId}/history").Ok();
    }

    [Fact]
    public async Task The_history_of_a_case_with_a_thousand_events_is_complete_in_order_and_verifies()
    {
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase(occurredAt: "2020-04-02T09:00:00Z"))).Str("caseId");
        // 999 consultations in one commit through the service's own store: the API path is tested elsewhere, the size here.
        var store = system.Intake.App.Services.GetRequiredService<Marten.IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.LastModifiedBy = "lawyer-aigul";
            session.Events.Append(Guid.Parse(caseId), Enumerable.Range(1, 999).Select(i => (object)new CaseFlow.Intake.Cases.ConsultationHeld(
                Guid.Parse(caseId), "lawyer-aigul", Applicant($"topic {i}"), Applicant("advice"), 10, DateTimeOffset.Parse("2020-04-02T10:00:00Z").AddMinutes(i))).ToArray());
            await session.SaveChangesAsync();
        }

        CaseFlow.ServiceDefaults.Privacy.Sealed<string> Applicant(string text) =>
            CaseFlow.ServiceDefaults.Privacy.Sealed.For(CaseFlow.ServiceDefaults.Privacy.Subjects.Applicant(Guid.Parse(caseId)), text);

        var events = (await Auditor.Get($"/v1/cases/{caseId}/history").Ok())["events"]!.AsArray();
        events.Count.ShouldBe(1000);
        events.Select(e => long.Parse(e!["version"]!.ToString())).ShouldBe(Enumerable.Range(1, 1000).Select(v => (long)v));
        events[999]!["data"]!["Topic"]!.ToString().ShouldBe("topic 999");
        (await Auditor.Get($"/v1/cases/{caseId}/verify").Ok())["eventsChecked"]!.GetValue<int>().ShouldBe(1000);
    }
}
