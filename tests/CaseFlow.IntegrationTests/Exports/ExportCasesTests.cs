using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Cli.Exporting;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using CsvHelper;
using Grpc.Core;

namespace CaseFlow.IntegrationTests.Exports;

/// <summary>
/// Intake's case export as the CLI writes it: CSV that reads back (CsvHelper) to what ListCases answers, names in
/// Cyrillic intact, filters applied, no personal column for a dashboard, one access-log entry naming the filter, and bad
/// filters named. Each test works in its own month of 2020, so the tests of the class do not see each other's cases.
/// </summary>
public sealed class ExportCasesTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private static readonly string[] Names = ["Айгүл Токтосунова", "Гулнора \"Гуля\" Юсупова, мать", "Бакыт Жээнбеков", "Dilnoza O'ktamova"];

    private JsonApi Supervisor => system.Intake.Json(system.Token(Caller.Supervisor, center: null, user: "export-coordinator"));

    private async Task<List<string>> Open(string center, int month, params string[] names)
    {
        var ids = new List<string>();
        for (var i = 0; i < names.Length; i++)
            ids.Add((await Supervisor.OpenCase(IntakeCalls.NewCase(center: center, name: names[i], occurredAt: $"2020-{month:D2}-{i + 1:D2}T09:00:00Z"))).Str("caseId"));
        return ids;
    }

    private static ExportCasesRequest Month(int month, string center = "") => new()
    {
        CenterId = center, OpenedFrom = CaseExport.At($"2020-{month:D2}-01"), OpenedTo = CaseExport.At($"2020-{month + 1:D2}-01"),
    };

    private async Task<string> Export(ExportCasesRequest filter, string format, string token, string? purpose = null)
    {
        var headers = RunningService.Bearer(token);
        if (purpose is not null) headers.Add("x-caseflow-purpose", purpose);
        var output = new StringWriter();
        await CaseExport.Write(system.Intake.Grpc, headers, filter, format, output, total => new ProgressBar("cases", total, null), CancellationToken.None);
        return output.ToString();
    }

    private static List<Dictionary<string, string>> ReadCsv(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), null, false);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.Headers.ToArray().Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(c => c.name, c => c.value));
        return rows;
    }

    [Fact]
    public async Task A_csv_export_reads_back_to_what_the_list_answers_with_cyrillic_names_intact()
    {
        var ids = await Open("isfana", 2, Names);
        await Open("isfana", 3, "Outside The Month");

        var rows = ReadCsv(await Export(Month(2, "isfana"), "csv", system.Token(Caller.Supervisor, center: null)));

        var listed = (await Supervisor.Get("/v1/cases?centerId=isfana&openedFrom=2020-02-01T00:00:00Z&openedTo=2020-03-01T00:00:00Z").Ok())["cases"]!.AsArray();
        rows.Select(r => (r["case_id"], r["applicant_name"], r["center_id"], r["status"], r["priority"], DateTimeOffset.Parse(r["opened_at"])))
            .ShouldBe(listed.Select(c => (c!["caseId"]!.ToString(), c["applicantName"]!.ToString(), c["centerId"]!.ToString(),
                c["status"]!.ToString(), c["priority"]!.ToString(), DateTimeOffset.Parse(c["openedAt"]!.ToString()))));
        rows.Select(r => r["case_id"]).ShouldBe(ids);
        rows.Select(r => r["applicant_name"]).ShouldBe(Names);
        rows.ShouldAllBe(r => r["province"] == "Batken" && r["category"] == "family-separation");
    }

    [Fact]
    public async Task Filters_choose_the_rows_and_json_carries_the_same_ones()
    {
        var batken = await Open("kyzyl-kiya", 4, "Нурлан Осмонов", "Зарина Каримова");
        await Open("uzgen", 4, "Not In Batken");
        await Supervisor.Post($"/v1/cases/{batken[1]}/close", new { requestId = Guid.NewGuid().ToString(), outcome = "resolved-by-advice", summary = "advice" }).Ok();
        var filter = Month(4);
        filter.Province = "batken";
        var token = system.Token(Caller.Supervisor, center: null);

        ReadCsv(await Export(filter, "csv", token)).Select(r => r["case_id"]).ShouldBe(batken);
        filter.Status = "closed";
        var closed = ReadCsv(await Export(filter, "csv", token)).ShouldHaveSingleItem();
        (closed["case_id"], closed["outcome"], closed["closed_at"].Length > 0).ShouldBe((batken[1], "resolved-by-advice", true));
        var json = JsonNode.Parse(await Export(filter, "json", token))!.AsArray();
        json.Select(r => (r!["caseId"]!.ToString(), r["applicantName"]!.ToString())).ShouldBe([(batken[1], "Зарина Каримова")]);
        filter.Status = "";
        filter.CenterId = "uzgen";
        JsonNode.Parse(await Export(filter, "json", token))!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dashboard_export_has_no_personal_column_and_is_not_in_the_access_log()
    {
        await Open("batken", 5, "Personal Name One", "Personal Name Two");
        var token = system.Token(Caller.Dashboard, center: null, user: "export-dashboard");

        var csv = await Export(Month(5, "batken"), "csv", token);
        var json = await Export(Month(5, "batken"), "json", token);

        ReadCsv(csv).Count.ShouldBe(2);
        ReadCsv(csv).ShouldAllBe(r => !r.ContainsKey("applicant_name") && r["case_id"].Length > 0);
        JsonNode.Parse(json)!.AsArray().ShouldAllBe(r => r!["applicantName"] == null && r["caseId"] != null);
        (csv + json).ShouldNotContain("Personal Name");
        (await UserLog("export-dashboard")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_export_with_personal_columns_is_one_access_log_entry_naming_its_filter()
    {
        await Open("nookat", 6, "Logged One", "Logged Two", "Logged Three");

        var rows = ReadCsv(await Export(Month(6, "nookat"), "csv", system.Token(Caller.Auditor, center: null, user: "export-auditor"), "donor report"));

        rows.Count.ShouldBe(3);
        var entry = (await UserLog("export-auditor")).ShouldHaveSingleItem()!;
        entry["call"]!.ToString().ShouldBe("/caseflow.intake.v1.Intake/ExportCases");
        entry["purpose"]!.ToString().ShouldBe("donor report");
        (entry["caseId"]?.ToString() ?? "").ShouldBeEmpty();
        var filter = JsonNode.Parse(entry["filter"]!.ToString())!;
        (filter["centerId"]!.ToString(), DateTimeOffset.Parse(filter["openedFrom"]!.ToString())).ShouldBe(("nookat", new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task An_operator_exports_only_their_own_center()
    {
        await Open("osh", 7, "Osh Applicant");
        await Open("kara-suu", 7, "Kara-Suu Applicant");
        var token = system.Token(Caller.Operator, center: "osh", user: "export-operator");

        ReadCsv(await Export(Month(7), "csv", token)).ShouldAllBe(r => r["center_id"] == "osh");
        var refused = await Should.ThrowAsync<RpcException>(() => Export(Month(7, "kara-suu"), "csv", token));
        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldContain("centerId");
    }

    [Fact]
    public async Task Bad_filters_are_answered_with_the_field_they_name()
    {
        var json = system.Intake.Json(system.Token(Caller.Supervisor, center: null));
        async Task<IReadOnlyList<string>> Fields(string query)
        {
            var answer = await json.Get($"/v1/exports/cases?{query}");
            answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
            return answer.ViolatedFields;
        }

        (await Fields("status=sleeping")).ShouldBe(["status"]);
        (await Fields("priority=urgentest")).ShouldBe(["priority"]);
        (await Fields("province=mars")).ShouldBe(["province"]);
        (await Fields("centerId=atlantis")).ShouldBe(["centerId"]);
        (await Fields("category=nothing")).ShouldBe(["category"]);
        (await Fields("openedFrom=2021-01-01T00:00:00Z&openedTo=2020-01-01T00:00:00Z")).ShouldBe(["openedTo"]);
        (await Fields("status=sleeping&province=mars")).ShouldBe(["province", "status"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_json_route_streams_the_rows()
    {
        var ids = await Open("bazar-korgon", 8, "Streamed One", "Стрим Два");
        var answer = await system.Intake.Json(system.Token(Caller.Supervisor, center: null))
            .Get("/v1/exports/cases?centerId=bazar-korgon&openedFrom=2020-08-01T00:00:00Z&openedTo=2020-09-01T00:00:00Z");

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Body);
        var rows = answer.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line)!).ToList();
        rows.Select(r => (r["caseId"]!.ToString(), r["applicantName"]!.ToString())).ShouldBe([(ids[0], "Streamed One"), (ids[1], "Стрим Два")]);
    }

    private async Task<JsonArray> UserLog(string user) =>
        (await system.Intake.Json(system.Token(Caller.Auditor, center: null, user: "log-auditor")).Get($"/v1/audit/access/users/{user}").Ok())["entries"]?.AsArray() ?? [];
}
