using System.Diagnostics;
using System.Text.Json.Nodes;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Demo;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.IntegrationTests.Privacy;

/// <summary>The three services with every log line of theirs captured.</summary>
public sealed class LoggedCaseFlowSystem : CaseFlowSystem
{
    public CapturedLogs Logs { get; } = new();

    protected override Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) => builder =>
    {
        builder.Logging.AddProvider(Logs);
        builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
    };
}

/// <summary>
/// The issue's proof: a person goes through the whole Kara-Suu story, is erased, and is then nowhere — not in a dump of
/// the database, not in any message published or dead-lettered, not in a log — while every chain still verifies, every
/// projection rebuilds identical, the audit shows each step with "[erased]", and someone not erased is still found.
/// </summary>
public sealed class ErasureEndToEndTests(LoggedCaseFlowSystem system) : IClassFixture<LoggedCaseFlowSystem>
{
    [Fact]
    public async Task An_erased_person_is_nowhere_and_the_audit_still_holds()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (mother, son, passport) = ($"Zhyldyz Qx{unique}", $"Temirlan Qy{unique}", $"AC{unique.ToUpperInvariant()}77");
        string[] secrets = [mother, son, passport];
        using var capture = new MessageCapture(TestEnvironment.RabbitMqManagement, system.BrokerUri);
        await capture.Declare();
        await capture.BindEveryExchange();

        var supervisorToken = system.Token(Caller.Supervisor, null, "coordinator");
        var (lawyer, coordinator) = (system.Apis(system.Token(user: "lawyer-kara-suu")), system.Apis(supervisorToken));
        using var binding = new CancellationTokenSource();
        var keepBinding = Task.Run(async () =>
        {
            while (!binding.IsCancellationRequested)
            {
                await capture.BindEveryExchange();
                await Task.Delay(200);
            }
        });
        var (caseId, flightId) = await KaraSuuStory.Run(lawyer, coordinator, cast: new KaraSuuStory.Cast(mother, son, passport));
        var other = (await lawyer.Intake.OpenCase(IntakeCalls.NewCase(name: $"Gulnara Qz{unique}"))).Str("caseId");
        await WaitQuiet();
        await binding.CancelAsync();
        await keepBinding;
        capture.Exchanges.ShouldBeGreaterThan(3);

        ShouldHoldNone(await Dump(), secrets, "the database before erasure");

        foreach (var person in new[] { Subjects.ApplicantPerson, "son-1" })
            await coordinator.Intake.Post($"/v1/cases/{caseId}/erasures", new
            {
                requestId = Guid.NewGuid().ToString(), person, reason = "the person asked for erasure", legalBasis = "GDPR art. 17(1)(a)",
            }).Ok();
        Guid[] erased = [Subjects.Applicant(caseId), Subjects.Member(caseId, "son-1")];
        foreach (var service in Services)
            await Eventually.True(async () => await ErasedKeys(service, erased) == erased.Length, $"{service.Name} to erase both people's keys");
        await WaitQuiet();

        var before = new Dictionary<string, string>();
        foreach (var service in Services) before[service.Name] = await system.Documents(service);
        foreach (var service in Services)
        {
            var admin = service.Json(supervisorToken);
            foreach (var projection in (await admin.Get("/v1/admin/projections").Ok())["projections"]!.AsArray().Select(p => p!["name"]!.ToString()))
            {
                var answer = (await admin.Post($"/v1/admin/projections/{projection}/rebuild", new { })).EnsureSuccess();
                answer.Body.Replace(" ", "").ShouldContain("\"done\":true", Case.Sensitive, answer.Body);
            }
            var after = await system.Documents(service);
            if (after != before[service.Name])
            {
                var was = JsonNode.Parse(before[service.Name])!.AsObject();
                var now = JsonNode.Parse(after)!.AsObject();
                var differing = was.Where(t => now[t.Key]?.ToJsonString() != t.Value?.ToJsonString())
                    .Select(t => $"{t.Key}: live {t.Value?.ToJsonString()} rebuilt {now[t.Key]?.ToJsonString()}");
                throw new ShouldAssertException($"{service.Name}'s projections rebuilt after the erasure differ from the live ones: {string.Join("\n", differing)}");
            }
        }

        ShouldHoldNone(await Dump(), secrets, "a pg_dump of the database after erasure");
        ShouldHoldNone(string.Join('\n', await capture.Captured()), secrets, "the messages published");
        ShouldHoldNone(string.Join('\n', await capture.InErrorQueues()), secrets, "the error queues");
        ShouldHoldNone(system.Logs.Text, secrets, "the services' logs");

        var auditor = new ServiceEndpoints(
        [
            ("intake", system.Intake.GrpcAddress), ("correspondence", system.Correspondence.GrpcAddress),
            ("reunification", system.Reunification.GrpcAddress),
        ], system.Token(Caller.Auditor, null, "donor-auditor"));
        var report = await CaseAudit.Gather(auditor, caseId, asOf: null, knownAt: null, verify: true, CancellationToken.None);
        report["verified"]!.GetValue<bool>().ShouldBeTrue(report["verifications"]!.ToJsonString());
        report["verifications"]!.AsArray().Count.ShouldBe(3);
        var audit = report.ToJsonString();
        audit.ShouldContain(Sealed.ErasedText);
        ShouldHoldNone(audit, secrets, "the audit after erasure");
        var timeline = report["timeline"]!.AsArray().Select(e => e!["type"]!.ToString()).ToList();
        timeline.ShouldContain("LetterSent");
        timeline.ShouldContain("Reunited");
        (await system.Reunification.Json(supervisorToken).Get($"/v1/cases/{flightId}/verify").Ok())["intact"]!.GetValue<bool>().ShouldBeTrue();
        var otherReport = await CaseAudit.Gather(auditor, Guid.Parse(other), asOf: null, knownAt: null, verify: true, CancellationToken.None);
        otherReport["verified"]!.GetValue<bool>().ShouldBeTrue();

        var found = await lawyer.Intake.Get($"/v1/cases?name={Uri.EscapeDataString($"qz{unique}")}").Ok();
        found["cases"]!.AsArray().Select(c => c!["caseId"]!.ToString()).ShouldBe([other]);
        (await lawyer.Intake.Get($"/v1/cases?name={Uri.EscapeDataString($"qx{unique}")}").Ok())["cases"]?.AsArray().Count.ShouldBe(0);
    }

    private RunningService[] Services => [system.Intake, system.Correspondence, system.Reunification];

    private static void ShouldHoldNone(string text, string[] secrets, string where)
    {
        foreach (var secret in secrets)
        {
            var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                throw new ShouldAssertException($"{where} holds '{secret}': …{text[Math.Max(0, at - 300)..Math.Min(text.Length, at + 100)]}…");
        }
    }

    /// <summary>Nothing is still being delivered: every service's queue is empty for a moment.</summary>
    private static async Task WaitQuiet() => await Task.Delay(TimeSpan.FromSeconds(2));

    private async Task<int> ErasedKeys(RunningService service, Guid[] subjects)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from {system.Schema(service)}_keys.subject_keys where subject_id = any($1) and wrapped is null and erased_at is not null", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = subjects });
        try
        {
            return (int)(long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>
    /// A full plain-text pg_dump of the test database, as a backup would hold it. Other test classes drop their schemas
    /// when they end; a dump that met one vanishing under it is taken again.
    /// </summary>
    private static async Task<string> Dump()
    {
        for (var attempt = 1; ; attempt++)
        {
            var (exitCode, output, error) = await DumpOnce();
            if (exitCode == 0) return output;
            if (attempt < 5 && error.Contains("does not exist", StringComparison.Ordinal)) continue;
            exitCode.ShouldBe(0, error);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> DumpOnce()
    {
        var db = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
            .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).LastOrDefault()
            ?? "pg_dump";
        var start = new ProcessStartInfo(pgDump, ["-h", db.Host!, "-p", db.Port.ToString(), "-U", db.Username!, "-d", db.Database!, "--no-owner"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PGPASSWORD"] = db.Password },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
