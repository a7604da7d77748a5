using CaseFlow.ServiceDefaults.Hosting;

namespace CaseFlow.Dashboard.Tests.Harness;

/// <summary>
/// The dashboard and the services as an installation runs them: Production, people signing in at the installation's
/// OIDC provider, and the dashboard calling the services with the provider's client-credentials token.
/// </summary>
public sealed class ProviderDashboardSystem : DashboardSystem
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.Start();
        await base.InitializeAsync();
    }

    protected override string[] Settings(ServiceIdentity identity) => Provider.InstallationSettings();

    protected override string[] DashboardSettings => Provider.InstallationSettings();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
