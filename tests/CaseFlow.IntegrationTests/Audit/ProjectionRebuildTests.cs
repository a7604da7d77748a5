using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using Npgsql;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>Any projection can be rebuilt from the events and comes out identical to the one maintained live.</summary>
public sealed class ProjectionRebuildTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task Every_projection_of_every_service_rebuilds_identical_to_the_live_one()
    {
        var intake = system.Intake.Json(system.Token());
        for (var i = 0; i < 3; i++)
        {
            var caseId = (await intake.OpenCase(IntakeCalls.NewCase(name: $"Rebuilt Applicant {i}"))).Str("caseId");
            await intake.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), topic = "t", advice = "a", durationMinutes = 10 }).Ok();
            await Eventually.Get(() => system.Reunification.Json(system.Token()).Find($"/v1/cases/{caseId}/reunification"), "the reunification file");
            await Eventually.Get(() => system.Correspondence.Json(system.Token()).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        }
        var supervisor = system.Token(role: "supervisor", center: null, user: "coordinator");

        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
        {
            var admin = service.Json(supervisor);
            var projections = (await admin.Get("/v1/admin/projections").Ok())["projections"]!.AsArray();
            projections.ShouldNotBeEmpty();
            foreach (var projection in projections.Select(p => p!["name"]!.ToString()))
            {
                var before = await Documents(service);
                var answer = (await admin.Post($"/v1/admin/projections/{projection}/rebuild", new { })).EnsureSuccess();
                answer.Body.Replace(" ", "").ShouldContain("\"done\":true", Case.Sensitive, answer.Body);
                (await Documents(service)).ShouldBe(before, $"{service.Name} projection {projection} rebuilt differently");
            }
        }
    }

    /// <summary>Every document and flat row of the service's schema, as JSON, in a stable order.</summary>
    private async Task<string> Documents(RunningService service)
    {
        var schema = system.Schema(service);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand($"select table_name from information_schema.tables where table_schema = '{schema}' and table_type = 'BASE TABLE' and table_name not like 'mt_event%' and table_name not like 'mt_streams' and table_name not in ('mt_doc_handledrequest', 'mt_doc_processedmessage', 'mt_doc_auditorread') order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var all = new JsonObject();
        foreach (var table in tables)
        {
            var hasData = table.StartsWith("mt_doc_", StringComparison.Ordinal);
            await using var rows = new NpgsqlCommand(hasData
                ? $"select coalesce(jsonb_agg(data order by id::text), '[]'::jsonb)::text from {schema}.{table}"
                : $"select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]'::jsonb)::text from {schema}.{table} t", connection);
            all[table] = JsonNode.Parse((string)(await rows.ExecuteScalarAsync())!);
        }
        return all.ToJsonString();
    }
}
