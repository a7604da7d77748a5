using CaseFlow.Correspondence;
using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>The system with a second Correspondence instance on the same schema and broker, both on a clock the test moves.</summary>
public sealed class TwoCorrespondenceInstances : CaseFlowSystem
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(9));
    public RunningService SecondCorrespondence { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // One async daemon is enough here (production runs HotCold: one leader); both instances run the deadline watch.
        SecondCorrespondence = await Start(CorrespondenceService.Identity, CorrespondenceService.Build, IntakeAddress,
            "--EventStore:DaemonMode=Disabled");
    }

    protected override Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) =>
        identity.Name == CorrespondenceService.Identity.Name ? builder => builder.Services.AddSingleton<TimeProvider>(Clock) : null;

    public DeadlineWatch Watch(RunningService instance) => instance.App.Services.GetRequiredService<DeadlineWatch>();

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
}
