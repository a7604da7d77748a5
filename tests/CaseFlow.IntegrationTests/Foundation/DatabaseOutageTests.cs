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
