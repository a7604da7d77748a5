using CaseFlow.Cli.Calling;
using CaseFlow.Cli.Demo;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.IntegrationTests.Operations;

/// <summary>
/// <c>caseflow demo</c> against a broken system: with RabbitMQ down it names the service that is not ready and why,
/// at once, instead of timing out after a minute; a service that is not there at all is named by its name.
/// </summary>
public sealed class BrokenSystemTests(SystemOnPrivateBroker system) : IClassFixture<SystemOnPrivateBroker>
{
    [Fact]
    public async Task The_demo_names_the_services_not_ready_while_the_broker_is_down()
    {
        var apis = system.Apis(system.Token(Caller.Supervisor, center: null));
        await DemoCommand.EnsureReady(apis);

        await system.Broker.Stop();
        try
        {
            var failure = await Eventually.Get(async () =>
            {
                try { await DemoCommand.EnsureReady(apis); return null; }
                catch (CliFailure e) { return e; }
            }, "the demo to find a service not ready");
            failure.Message.ShouldContain("is not ready");
            failure.Message.ShouldContain("./caseflow infra status");
            failure.Message.ShouldMatch("^(intake|correspondence|reunification) at ");
        }
        finally
        {
            await system.Broker.Start();
        }
        await Eventually.True(async () =>
        {
            try { await DemoCommand.EnsureReady(apis); return true; }
            catch (CliFailure) { return false; }
        }, "every service ready again");
    }

    [Fact]
    public async Task A_service_that_is_not_there_is_named()
    {
        var nowhere = new Uri("http://127.0.0.1:1"); // nothing listens on port 1
        var apis = CaseFlowApis.At(system.Intake.HttpAddress, nowhere, system.Reunification.HttpAddress, system.Token(Caller.Supervisor, center: null));
        var failure = await Should.ThrowAsync<ServiceDidNotAnswer>(() => DemoCommand.EnsureReady(apis));
        failure.Service.ShouldBe("correspondence");
        failure.Message.ShouldContain("./caseflow infra status");
    }
}
