
namespace CaseFlow.Deployment.Tests.Kubernetes;

public sealed class ManifestTests
{
    public static TheoryData<string> Kustomizations => new(Kustomize.Base, Kustomize.Production);

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void Every_rendered_object_validates(string folder)
    {
        var rendered = Kustomize.Render(folder);

        rendered.Select(m => m.Kind).Distinct().ShouldBe(
            ["Namespace", "ConfigMap", "Secret", "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Cluster", "RabbitmqCluster"],
            ignoreOrder: true);
        rendered.SelectMany(ManifestValidation.Problems).ShouldBeEmpty();
    }

    [Fact]
    public void The_strict_reader_rejects_a_misspelt_field()
    {
        var deployment = Kustomize.Render(Kustomize.Base).First(m => m.Kind == "Deployment");
        var misspelt = deployment with { Yaml = deployment.Yaml.Replace("  replicas: 1", "  replica: 1") };

        misspelt.Yaml.ShouldNotBe(deployment.Yaml);
        ManifestValidation.Problems(misspelt).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("  replicas: 3", "  replicas: 1")]
    [InlineData("  replicas: 3", "  replicas: 3\n  replica: 3")]
    public void The_operator_schemas_reject_what_CaseFlow_must_not_deploy(string field, string wrong)
    {
        var broker = Kustomize.Render(Kustomize.Base).Single(m => m.Kind == "RabbitmqCluster");
        var changed = broker with { Yaml = broker.Yaml.Replace(field, wrong) };

        changed.Yaml.ShouldNotBe(broker.Yaml);
        ManifestValidation.Problems(changed).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_database_cluster_replicates_synchronously_across_three_instances()
    {
        var cluster = Kustomize.Render(Kustomize.Production).Single(m => m.Kind == "Cluster");

        ManifestValidation.Problems(cluster).ShouldBeEmpty();
        var wrong = cluster with { Yaml = cluster.Yaml.Replace("method: any", "method: sometimes") };
        ManifestValidation.Problems(wrong).ShouldNotBeEmpty();
    }
}
