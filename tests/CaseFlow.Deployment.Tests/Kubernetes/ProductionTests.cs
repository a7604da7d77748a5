using System.Text;
using CaseFlow.Deployment.Tests.Settings;
using k8s.Models;

namespace CaseFlow.Deployment.Tests.Kubernetes;

public sealed class ProductionTests
{
    private static readonly RenderedObjects Production = new(Kustomize.Production);

    [Fact]
    public void Production_runs_two_or_more_of_each_app_with_quorum_queues()
    {
        foreach (var app in Apps.Every)
        {
            Production.DeploymentOf(app).Spec.Replicas.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2, app);
            Production.All<V2HorizontalPodAutoscaler>().Single(h => h.Spec.ScaleTargetRef.Name == $"caseflow-{app.ToLowerInvariant()}")
                .Spec.MinReplicas.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2, app);
        }
        foreach (var app in Apps.Backend)
            Production.EnvironmentOf(app)["RabbitMq:QuorumQueues"].ShouldBe("true", app);
    }

    public static TheoryData<string> Kustomizations => new(Kustomize.Base, Kustomize.Production);

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_image_is_pinned(string folder)
    {
        var images = new RenderedObjects(folder).Images().ToList();

        images.Count.ShouldBeGreaterThanOrEqualTo(7);
        images.Where(i => !ImageReference.IsPinned(i.Image)).Select(i => $"{i.Where}: {i.Image}").ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void The_repository_holds_no_secret_only_placeholders(string folder)
    {
        var values = new RenderedObjects(folder).All<V1Secret>().SelectMany(s =>
            (s.StringData ?? new Dictionary<string, string>()).Select(v => (Secret: s.Metadata.Name, v.Key, v.Value))
            .Concat((s.Data ?? new Dictionary<string, byte[]>()).Select(v => (Secret: s.Metadata.Name, v.Key, Value: Encoding.UTF8.GetString(v.Value))))).ToList();

        values.ShouldNotBeEmpty();
        values.Where(v => !v.Value.StartsWith("replace-me", StringComparison.Ordinal)).Select(v => $"{v.Secret}/{v.Key}").ShouldBeEmpty();
    }
}
