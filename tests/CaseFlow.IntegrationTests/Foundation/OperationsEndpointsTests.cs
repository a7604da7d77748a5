using System.Net;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>What operations staff and their tools reach without a token: health and metrics.</summary>
public sealed class OperationsEndpointsTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task Every_service_answers_health_and_metrics_on_its_http_port()
    {
        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
        {
            var client = service.Json(token: null);
            (await client.Get("/health/live")).Status.ShouldBe(HttpStatusCode.OK);
            (await client.Get("/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
            await client.Get("/v1/cases/" + Guid.NewGuid()); // a 401, counted like any request
            var metrics = await Eventually.Get(async () =>
            {
                var text = (await client.Get("/metrics")).EnsureSuccess().Body;
                return text.Contains("http_server_request_duration") ? text : null;
            }, $"{service.Name}'s request metrics");
            metrics.ShouldContain("# TYPE");
        }
    }
}
