using CaseFlow.ServiceDefaults.Hosting;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>The three services as an installation runs them: Production, tokens from its own OIDC provider only.</summary>
public class SystemWithIdentityProvider : CaseFlowSystem
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.Start();
        await base.InitializeAsync();
    }

    protected override string[] Settings(ServiceIdentity identity) => Provider.InstallationSettings();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
