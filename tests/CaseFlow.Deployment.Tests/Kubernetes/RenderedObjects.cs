using k8s;
using k8s.Models;

namespace CaseFlow.Deployment.Tests.Kubernetes;

/// <summary>A rendering's objects, typed, and what each app's container is given.</summary>
internal sealed class RenderedObjects
{
    /// <summary>Secrets the operators create at run time (CloudNativePG's app user, the RabbitMQ default user).</summary>
    public static readonly string[] MadeByOperators = ["caseflow-postgres-app", "caseflow-rabbitmq-default-user"];

    private readonly IReadOnlyList<Manifest> manifests;
    private readonly List<object> typed;

    public RenderedObjects(string folder)
    {
        manifests = Kustomize.Render(folder);
        typed = manifests.Where(m => ManifestValidation.CoreTypes.ContainsKey(m.TypeKey))
            .SelectMany(m => KubernetesYaml.LoadAllFromString(m.Yaml, new Dictionary<string, Type> { [m.TypeKey] = ManifestValidation.CoreTypes[m.TypeKey] }))
            .ToList();
    }

    public IEnumerable<T> All<T>() where T : class => typed.OfType<T>();

    public IEnumerable<Manifest> OfKind(string kind) => manifests.Where(m => m.Kind == kind);

    public V1Deployment DeploymentOf(string app) =>
        All<V1Deployment>().Single(d => d.Metadata.Name == $"caseflow-{app.ToLowerInvariant()}");

    /// <summary>The environment an app's container gets, as configuration keys (A__B → A:B), envFrom resolved.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(string app)
    {
        var container = DeploymentOf(app).Spec.Template.Spec.Containers[0];
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } map)
                foreach (var (name, value) in All<V1ConfigMap>().Single(c => c.Metadata.Name == map.Name).Data ?? new Dictionary<string, string>())
                    keys[Key(name)] = value;
            if (source.SecretRef is { } secret)
            {
                var found = All<V1Secret>().Single(s => s.Metadata.Name == secret.Name);
                foreach (var name in (found.Data?.Keys ?? []).Concat(found.StringData?.Keys ?? [])) keys[Key(name)] = "(secret)";
            }
        }
        foreach (var variable in container.Env ?? [])
            keys[Key(variable.Name)] = variable.Value ?? (variable.ValueFrom is null ? "" : "(from a reference)");
        return keys;
    }

    /// <summary>Every image the rendering would pull: containers and the two operators' clusters.</summary>
    public IEnumerable<(string Where, string Image)> Images()
    {
        foreach (var deployment in All<V1Deployment>())
            foreach (var container in deployment.Spec.Template.Spec.Containers.Concat(deployment.Spec.Template.Spec.InitContainers ?? []))
                yield return ($"Deployment {deployment.Metadata.Name}", container.Image);
        foreach (var manifest in OfKind("RabbitmqCluster").Concat(OfKind("Cluster")))
        {
            var spec = (Dictionary<object, object?>)((Dictionary<object, object?>)Kustomize.Values(manifest)!)["spec"]!;
            yield return (manifest.ToString(), (spec.GetValueOrDefault("image") ?? spec.GetValueOrDefault("imageName"))?.ToString() ?? "(operator's default)");
        }
    }

    private static string Key(string variable) => variable.Replace("__", ":");
}
