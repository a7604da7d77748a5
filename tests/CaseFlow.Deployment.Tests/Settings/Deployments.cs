namespace CaseFlow.Deployment.Tests.Settings;

/// <summary>
/// The two ways CaseFlow is deployed. docker-compose is a development machine's system (the same as
/// <c>./caseflow run</c>: development tokens signed with Auth:SigningKey, secrets derived from it); the Kubernetes
/// manifests are an installation (an OIDC issuer, its own chain, key-encrypting and index secrets).
/// </summary>
[Flags]
internal enum Deployments
{
    None = 0,
    Compose = 1,
    Kubernetes = 2,
    Both = Compose | Kubernetes,
}

internal static class Apps
{
    public const string Intake = "Intake";
    public const string Correspondence = "Correspondence";
    public const string Reunification = "Reunification";
    public const string Dashboard = "Dashboard";

    public static readonly string[] Backend = [Intake, Correspondence, Reunification];
    public static readonly string[] Every = [.. Backend, Dashboard];
}
