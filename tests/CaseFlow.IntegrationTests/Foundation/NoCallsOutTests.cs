using CaseFlow.IntegrationTests.Harness;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>An installation calls out to no one it has not chosen: the libraries' own reporting home is off.</summary>
public sealed class NoCallsOutTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public void MassTransit_reports_no_usage_to_its_vendor_from_any_service()
    {
        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
            service.App.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled
                .ShouldBeFalse($"{service.Name} would send MassTransit usage telemetry");
    }
}
