using CaseFlow.IntegrationTests.Harness;
using Npgsql;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>
/// What someone who can write the database, but does not hold the chain key, cannot hide: removed last events, a whole
/// stream emptied, a stream rewritten and resealed with plain SHA-256, a head forged to match a truncated stream.
/// </summary>
public sealed class TamperEvidenceTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Auditor => system.Intake.Json(system.Token(role: "auditor", center: null, user: "donor-auditor"));

    private async Task Tamper(string caseId, string sql) => (await Sql(caseId, sql)).ShouldBeGreaterThan(0);

    private async Task<int> Sql(string caseId, string sql)
    {
        var schema = system.Schema(system.Intake);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema).Replace("{id}", $"'{Guid.Parse(caseId)}'"), connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<(bool Intact, long FirstBroken, string Problem)> Verify(string caseId)
    {
        var json = await Auditor.Get($"/v1/cases/{caseId}/verify").Ok();
        return (json["intact"]!.GetValue<bool>(), long.Parse(json["firstBrokenVersion"]?.ToString() ?? "0"), json["problem"]?.ToString() ?? "");
    }

    [Fact]
    public async Task Deleting_the_last_event_is_caught_and_the_missing_version_named()
    {
        var caseId = await system.CaseWithFiveEvents();
        await Tamper(caseId, "delete from {schema}.mt_events where stream_id = {id} and version = 5");

        var (intact, firstBroken, problem) = await Verify(caseId);
        intact.ShouldBeFalse();
        firstBroken.ShouldBe(5);
        problem.ShouldContain("event 5");
    }

    [Fact]
    public async Task Deleting_the_last_event_and_fixing_the_stream_version_and_head_is_still_caught()
    {
        var caseId = await system.CaseWithFiveEvents();
        // The writer knows the scheme but not the key: the best they can put in the head's seal is a plain hash.
        await Tamper(caseId, """
            delete from {schema}.mt_events where stream_id = {id} and version = 5;
            update {schema}.mt_streams set version = 4 where id = {id};
            update {schema}.mt_doc_streamhead set data = jsonb_set(jsonb_set(jsonb_set(data, '{Version}', '4'),
                '{Hash}', to_jsonb((select headers ->> 'caseflow-hash' from {schema}.mt_events where stream_id = {id} and version = 4))),
                '{Seal}', to_jsonb(encode(sha256(convert_to('forged', 'UTF8')), 'hex'))) where id = {id};
            """);

        var (intact, firstBroken, problem) = await Verify(caseId);
        intact.ShouldBeFalse();
        firstBroken.ShouldBe(5);
        problem.ShouldContain("seal");
    }

    [Fact]
    public async Task Deleting_every_event_of_a_stream_is_caught()
    {
        var caseId = await system.CaseWithFiveEvents();
        await Tamper(caseId, "delete from {schema}.mt_events where stream_id = {id}; delete from {schema}.mt_streams where id = {id}");

        var (intact, firstBroken, _) = await Verify(caseId);
        intact.ShouldBeFalse();
        firstBroken.ShouldBe(1);
    }

    [Fact]
    public async Task A_stream_rewritten_and_resealed_with_plain_sha256_names_the_first_rewritten_event()
    {
        var caseId = await system.CaseWithFiveEvents();
        // Event 3's topic changed, then every hash from 3 on and the head recomputed as a plain SHA-256 chain.
        await Tamper(caseId, """
            update {schema}.mt_events set data = jsonb_set(data, '{Topic}', '"nothing happened"') where stream_id = {id} and version = 3;
            update {schema}.mt_events e set headers = jsonb_set(e.headers, '{caseflow-hash}',
                to_jsonb(encode(sha256(convert_to((select p.headers ->> 'caseflow-hash' from {schema}.mt_events p
                    where p.stream_id = e.stream_id and p.version = e.version - 1) || e.data::text, 'UTF8')), 'hex')))
                where e.stream_id = {id} and e.version >= 3;
            update {schema}.mt_doc_streamhead set data = jsonb_set(data, '{Hash}',
                to_jsonb((select headers ->> 'caseflow-hash' from {schema}.mt_events where stream_id = {id} and version = 5))) where id = {id};
            """);

        var (intact, firstBroken, _) = await Verify(caseId);
        intact.ShouldBeFalse();
        firstBroken.ShouldBe(3);
    }

    [Fact]
    public async Task A_roll_back_to_an_older_validly_sealed_head_is_caught_against_an_exported_checkpoint()
    {
        var caseId = await system.CaseWithFiveEvents();
        // The writer keeps the head as it was at version 5 ...
        await Sql(caseId, "create table {schema}.kept_head as select * from {schema}.mt_doc_streamhead where id = {id}");
        (await system.Intake.Json(system.Token()).Post($"/v1/cases/{caseId}/consultations", new
        {
            requestId = Guid.NewGuid().ToString(), occurredAt = "2020-07-04T12:00:00Z", topic = "reunion", advice = "close", durationMinutes = 10,
        })).EnsureSuccess();
        // ... the auditor exports a checkpoint at version 6 ...
        var heads = await Auditor.Get("/v1/audit/stream-heads").Ok();
        var head = heads["heads"]!.AsArray().Single(h => h!["streamId"]!.ToString() == caseId)!;
        head["version"]!.ToString().ShouldBe("6");
        // ... and the writer rolls the stream back to version 5 with the head they kept.
        await Tamper(caseId, """
            delete from {schema}.mt_events where stream_id = {id} and version = 6;
            update {schema}.mt_streams set version = 5 where id = {id};
            update {schema}.mt_doc_streamhead h set data = k.data from {schema}.kept_head k where h.id = k.id;
            """);

        (await Verify(caseId)).Intact.ShouldBeTrue("without a checkpoint an older, validly sealed head cannot be told from the latest");
        var against = await Auditor.Get($"/v1/cases/{caseId}/verify?checkpointVersion=6&checkpointHash={head["hash"]}").Ok();
        against["intact"]!.GetValue<bool>().ShouldBeFalse();
        against["firstBrokenVersion"]!.ToString().ShouldBe("6");
        against["problem"]!.ToString().ShouldContain("rolled back");
        (await Auditor.Get($"/v1/cases/{caseId}/verify?checkpointVersion=5&checkpointHash={head["hash"]}").Ok())["intact"]!.GetValue<bool>()
            .ShouldBeFalse("a checkpoint whose hash is not the stream's at that version");
    }

    [Fact]
    public async Task Stream_heads_are_exported_to_auditors_and_supervisors_only()
    {
        (await system.Intake.Json(system.Token()).Get("/v1/audit/stream-heads")).Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await system.Intake.Json(system.Token("supervisor", center: null, user: "coordinator")).Get("/v1/audit/stream-heads")).EnsureSuccess();
    }

    [Fact]
    public async Task A_case_written_through_the_api_verifies_with_its_sealed_head()
    {
        var caseId = await system.CaseWithFiveEvents();
        (await Verify(caseId)).Intact.ShouldBeTrue();
        (await system.Count(system.Intake, "mt_doc_streamhead", "id = $1", Guid.Parse(caseId))).ShouldBe(1);
    }
}
