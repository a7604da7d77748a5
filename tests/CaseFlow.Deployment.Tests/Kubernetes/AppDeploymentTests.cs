using CaseFlow.Deployment.Tests.Settings;
using k8s.Models;

namespace CaseFlow.Deployment.Tests.Kubernetes;

public sealed class AppDeploymentTests
{
    public static TheoryData<string, string> AppsIn()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { Kustomize.Base, Kustomize.Production })
            foreach (var app in Apps.Every) data.Add(folder, app);
        return data;
    }

    [Theory]
    [MemberData(nameof(AppsIn))]
    public void Each_app_sets_every_key_it_needs(string folder, string app)
    {
        var environment = new RenderedObjects(folder).EnvironmentOf(app);

        SettingsCatalog.RequiredIn(Deployments.Kubernetes, app)
            .Where(s => s.IsSection
                ? !environment.Keys.Any(k => k.StartsWith(s.Key[..^1], StringComparison.OrdinalIgnoreCase))
                : !environment.TryGetValue(s.Key, out var value) || string.IsNullOrWhiteSpace(value))
            .Select(s => $"{s.Key} ({s.Why})").ShouldBeEmpty();
        environment.Keys.Where(k => k.StartsWith("Faults:", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty("fault-test hooks never ship");
    }

    [Theory]
    [MemberData(nameof(AppsIn))]
    public void Each_app_is_probed_on_its_health_endpoints_runs_unprivileged_and_has_limits(string folder, string app)
    {
        var pod = new RenderedObjects(folder).DeploymentOf(app).Spec.Template.Spec;
        var container = pod.Containers.ShouldHaveSingleItem();

        container.LivenessProbe.HttpGet.Path.ShouldBe("/health/live");
        container.ReadinessProbe.HttpGet.Path.ShouldBe("/health/ready");
        container.StartupProbe.HttpGet.Path.ShouldBe("/health/live");
        new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }
            .ShouldAllBe(p => p.HttpGet.Port.Value == "http");
        container.Ports.ShouldContain(p => p.Name == "http");

        pod.SecurityContext.RunAsNonRoot.ShouldBe(true);
        container.SecurityContext.AllowPrivilegeEscalation.ShouldBe(false);
        container.SecurityContext.ReadOnlyRootFilesystem.ShouldBe(true);
        container.SecurityContext.Capabilities.Drop.ShouldContain("ALL");

        container.Resources.Requests.Keys.ShouldBe(["cpu", "memory"], ignoreOrder: true);
        container.Resources.Limits.Keys.ShouldContain("memory");
    }

    [Theory]
    [MemberData(nameof(AppsIn))]
    public void Each_app_has_a_service_a_disruption_budget_and_an_autoscaler(string folder, string app)
    {
        var objects = new RenderedObjects(folder);
        var deployment = objects.DeploymentOf(app);
        var labels = deployment.Spec.Template.Metadata.Labels;
        Func<IDictionary<string, string>?, bool> selects = selector =>
            selector is { Count: > 0 } && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

        objects.All<V1Service>().Count(s => selects(s.Spec.Selector)).ShouldBe(1);
        objects.All<V1PodDisruptionBudget>().Count(p => selects(p.Spec.Selector.MatchLabels)).ShouldBe(1);
        objects.All<V2HorizontalPodAutoscaler>().ShouldContain(h => h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == deployment.Metadata.Name);
    }

    [Theory]
    [MemberData(nameof(AppsIn))]
    public void Every_reference_to_a_config_map_or_secret_resolves(string folder, string app)
    {
        var objects = new RenderedObjects(folder);
        var container = objects.DeploymentOf(app).Spec.Template.Spec.Containers[0];
        var maps = objects.All<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();
        var secrets = objects.All<V1Secret>().Select(s => s.Metadata.Name).Concat(RenderedObjects.MadeByOperators).ToHashSet();

        var referenced = (container.EnvFrom ?? []).Select(e => e.ConfigMapRef?.Name).Concat((container.Env ?? []).Select(e => e.ValueFrom?.ConfigMapKeyRef?.Name));
        referenced.OfType<string>().ShouldAllBe(name => maps.Contains(name));
        var referencedSecrets = (container.EnvFrom ?? []).Select(e => e.SecretRef?.Name).Concat((container.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name));
        referencedSecrets.OfType<string>().ShouldAllBe(name => secrets.Contains(name));
    }
}
