using System.Net;
using CaseFlow.Intake;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using Grpc.Core;
using Npgsql;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// While PostgreSQL cannot be reached, a call answers UNAVAILABLE (503 with Retry-After), so a client knows to retry
/// the same request, and readiness goes unready; once it is back, both recover by themselves.
/// </summary>
public sealed class DatabaseOutageTests(SystemWithCuttableDatabase system) : IClassFixture<SystemWithCuttableDatabase>
{
    [Fact]
    public async Task Calls_answer_unavailable_and_readiness_goes_unready_while_the_database_is_out_of_reach()
    {
        var intake = system.IntakeOverLink.Json(system.Token());
        var probe = system.IntakeOverLink.Json(token: null);
        var caseId = (await intake.OpenCase(IntakeCalls.NewCase())).Str("caseId");

        system.Link.Cut();
        try
        {
            var before = await system.Count(system.Intake, "mt_events");
            var open = await intake.Post("/v1/cases", IntakeCalls.NewCase());
            open.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, open.ToString());
            open.RetryAfter.ShouldNotBeNull();
            open.Body.ShouldContain("retry");
            (await intake.Get($"/v1/cases/{caseId}")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);

            var grpc = new IntakeClient(system.IntakeOverLink.Grpc);
            var error = await Should.ThrowAsync<RpcException>(() => grpc.GetCaseAsync(new GetCaseRequest { CaseId = caseId },
                RunningService.Bearer(system.Token())).ResponseAsync);
            error.StatusCode.ShouldBe(StatusCode.Unavailable);
            error.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().ShouldNotBeNull();

            await Eventually.True(async () => (await probe.Get("/health/ready")).Status == HttpStatusCode.ServiceUnavailable,
                "readiness to go unready");
            (await system.Count(system.Intake, "mt_events")).ShouldBe(before);
        }
        finally
        {
            system.Link.Mend();
        }

        await Eventually.True(async () => (await probe.Get("/health/ready")).Succeeded, "readiness to come back");
        await Eventually.True(async () => (await intake.Get($"/v1/cases/{caseId}")).Succeeded, "calls to succeed again");
        (await intake.Post("/v1/cases", IntakeCalls.NewCase())).Succeeded.ShouldBeTrue();
    }

    /// <summary>The dashboards' figures (one batch of aggregate queries) and the streamed export fail the same way as any call.</summary>
    [Fact]
    public async Task Statistics_and_the_export_answer_unavailable_while_the_database_is_out_of_reach()
    {
        var supervisor = system.Token(CaseFlow.ServiceDefaults.Security.Caller.Supervisor, center: null);
        var json = system.IntakeOverLink.Json(supervisor);
        var grpc = new IntakeClient(system.IntakeOverLink.Grpc);
        await system.IntakeOverLink.Json(system.Token()).OpenCase(IntakeCalls.NewCase());
        (await json.Get("/v1/statistics/caseload")).Succeeded.ShouldBeTrue();
        (await Export(grpc, supervisor)).ShouldBeGreaterThan(0);

        system.Link.Cut();
        try
        {
            foreach (var path in new[] { "/v1/statistics/caseload", "/v1/exports/cases" })
            {
                var answer = await json.Get(path);
                answer.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{path}: {answer}");
                answer.RetryAfter.ShouldNotBeNull(path);
            }
            var statistics = await Should.ThrowAsync<RpcException>(() => grpc.GetCaseloadStatisticsAsync(new CaseFlow.Reporting.V1.StatisticsFilter(),
                RunningService.Bearer(supervisor)).ResponseAsync);
            statistics.StatusCode.ShouldBe(StatusCode.Unavailable, statistics.ToString());
            statistics.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().ShouldNotBeNull();
            var export = await Should.ThrowAsync<RpcException>(() => Export(grpc, supervisor));
            export.StatusCode.ShouldBe(StatusCode.Unavailable, export.ToString());
            export.GetRpcStatus()!.GetDetail<Google.Rpc.RetryInfo>().ShouldNotBeNull();
        }
        finally
        {
            system.Link.Mend();
        }

        await Eventually.True(async () => (await json.Get("/v1/statistics/caseload")).Succeeded, "statistics to answer again");
        (await Export(grpc, supervisor)).ShouldBeGreaterThan(0);
    }

    private static async Task<int> Export(IntakeClient grpc, string token)
    {
        using var call = grpc.ExportCases(new ExportCasesRequest(), RunningService.Bearer(token));
        var rows = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) rows++;
        return rows;
    }
}

/// <summary>The usual system, plus a second Intake on the same schema whose database connection runs through a <see cref="CuttableLink"/>.</summary>
public sealed class SystemWithCuttableDatabase : CaseFlowSystem
{
    public CuttableLink Link { get; private set; } = null!;
    public RunningService IntakeOverLink { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var database = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres);
        Link = new CuttableLink(database.Host!, database.Port);
        // Short timeouts: an unreachable database is told within seconds, not Npgsql's default 15 s.
        var overLink = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres)
        {
            Host = "127.0.0.1", Port = Link.Port, MaxPoolSize = 15, Timeout = 3, CommandTimeout = 5,
        };
        // No daemon on this one: the first Intake relays; this one only answers calls.
        IntakeOverLink = await Start(IntakeService.Identity, IntakeService.Build,
            $"--ConnectionStrings:Postgres={overLink}", "--EventStore:DaemonMode=Disabled");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Link.DisposeAsync();
    }
}
