using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>With RabbitMQ down, Intake keeps taking cases; once it is back, every one reaches the other services.</summary>
public sealed class BrokerOutageTests(SystemOnPrivateBroker system) : IClassFixture<SystemOnPrivateBroker>
{
    [Fact]
    public async Task Cases_opened_while_the_broker_is_down_are_delivered_once_it_is_back()
    {
        var token = system.Token();
        var intake = system.Intake.Json(token);

        await system.Broker.Stop();
        var caseIds = new List<string>();
        for (var i = 0; i < 5; i++)
            caseIds.Add((await intake.OpenCase(IntakeCalls.NewCase(name: $"Applicant during outage {i}"))).Str("caseId"));
        await system.Broker.Start();

        foreach (var caseId in caseIds)
        {
            await Eventually.Get(() => system.Correspondence.Json(token).Find($"/v1/cases/{caseId}/correspondence"),
                $"the correspondence file of {caseId}", TimeSpan.FromMinutes(2));
            await Eventually.Get(() => system.Reunification.Json(token).Find($"/v1/cases/{caseId}/reunification"),
                $"the reunification file of {caseId}", TimeSpan.FromMinutes(2));
        }
        (await system.Count(system.Correspondence, "mt_streams")).ShouldBe(5);
        (await system.Count(system.Reunification, "mt_streams")).ShouldBe(5);
    }
}
