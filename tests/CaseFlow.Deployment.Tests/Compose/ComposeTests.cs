using CaseFlow.Deployment.Tests.Settings;

namespace CaseFlow.Deployment.Tests.Compose;

public sealed class ComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    public static TheoryData<string> AppsInCompose => new(Apps.Every);

    [Theory]
    [MemberData(nameof(AppsInCompose))]
    public void Compose_sets_every_key_the_app_needs(string app)
    {
        var environment = Compose.Environment(ComposeFile.ServiceOf[app]);

        var missing = SettingsCatalog.RequiredIn(Deployments.Compose, app)
            .Where(s => !environment.TryGetValue(s.Key, out var value) || string.IsNullOrWhiteSpace(value))
            .Select(s => $"{s.Key} ({s.Why})").ToList();

        missing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AppsInCompose))]
    public void No_app_in_compose_is_pointed_at_its_own_container(string app)
    {
        var loopback = Compose.Environment(ComposeFile.ServiceOf[app])
            .Where(e => e.Value.Contains("127.0.0.1") || e.Value.Contains("localhost", StringComparison.OrdinalIgnoreCase))
            .Select(e => $"{e.Key}={e.Value}").ToList();

        loopback.ShouldBeEmpty("inside a container 127.0.0.1 is the container itself: name the compose service");
    }

    [Fact]
    public void Grafana_logs_in_to_the_compose_database_with_the_password_the_services_give_the_reporting_role()
    {
        var datasource = Repository.Read("infra/grafana/provisioning/datasources/caseflow.yaml");
        datasource.ShouldContain("url: postgres:5432");
        datasource.ShouldContain("${CASEFLOW_REPORTING_PASSWORD}");
        Compose.ServiceNames.ShouldContain("postgres");

        var grafana = Compose.Environment("grafana")["CASEFLOW_REPORTING_PASSWORD"];
        foreach (var app in Apps.Backend) Compose.Environment(ComposeFile.ServiceOf[app])["Reporting:Password"].ShouldBe(grafana, app);
    }

    [Fact]
    public void Every_image_in_compose_and_the_Dockerfiles_is_pinned()
    {
        var images = Compose.ServiceNames.Where(s => !Compose.Builds(s))
            .Select(s => (Where: $"docker-compose.yml {s}", Image: Compose.Image(s) ?? "(no image)"))
            .Concat(ImageReference.InDockerfiles()).ToList();

        images.Count.ShouldBeGreaterThan(4);
        images.Where(i => !ImageReference.IsPinned(i.Image)).Select(i => $"{i.Where}: {i.Image}").ShouldBeEmpty();
    }
}
