using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;
using k8s.Models;

namespace CaseFlow.Deployment.Tests.Kubernetes;

/// <summary>
/// Core objects are read with KubernetesClient's strict deserialiser (an unknown or misspelt field throws); the two
/// operators' resources are checked against the minimal schemas in infra/k8s/schemas. Any other kind is an error:
/// a new kind needs a way to be checked before it is rendered.
/// </summary>
internal static class ManifestValidation
{
    public static readonly IReadOnlyDictionary<string, Type> CoreTypes = new Dictionary<string, Type>
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        ["v1/Secret"] = typeof(V1Secret),
        ["v1/Service"] = typeof(V1Service),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = typeof(V2HorizontalPodAutoscaler),
    };

    public static readonly IReadOnlyDictionary<string, string> OperatorSchemas = new Dictionary<string, string>
    {
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = "infra/k8s/schemas/rabbitmq.com_v1beta1_RabbitmqCluster.json",
        ["postgresql.cnpg.io/v1/Cluster"] = "infra/k8s/schemas/postgresql.cnpg.io_v1_Cluster.json",
    };

    /// <summary>The problems found, none when the object is valid.</summary>
    public static IReadOnlyList<string> Problems(Manifest manifest)
    {
        if (CoreTypes.TryGetValue(manifest.TypeKey, out var type))
        {
            try
            {
                var objects = KubernetesYaml.LoadAllFromString(manifest.Yaml, new Dictionary<string, Type> { [manifest.TypeKey] = type }, strict: true);
                return objects.Count == 1 && objects[0].GetType() == type ? [] : [$"{manifest}: read as {objects.Count} objects"];
            }
            catch (Exception e)
            {
                return [$"{manifest}: {e.GetBaseException().Message}"];
            }
        }
        if (OperatorSchemas.TryGetValue(manifest.TypeKey, out var schemaFile))
        {
            var schema = JsonSchema.FromText(Repository.Read(schemaFile));
            var instance = JsonSerializer.SerializeToElement(Json(Kustomize.Values(manifest)));
            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            return result.IsValid ? [] : Flatten(result).Select(e => $"{manifest}: {e}").DefaultIfEmpty($"{manifest}: invalid").ToList();
        }
        return [$"{manifest}: no validation for {manifest.TypeKey}; add it to ManifestValidation"];
    }

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        Dictionary<object, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, Json(e.Value)))),
        List<object?> list => new JsonArray(list.Select(Json).ToArray()),
        _ => JsonValue.Create(value),
    };

    private static IEnumerable<string> Flatten(EvaluationResults result) =>
        (result.Errors ?? new Dictionary<string, string>()).Select(e => $"{result.InstanceLocation} {e.Key}: {e.Value}")
        .Concat((result.Details ?? []).SelectMany(Flatten));
}
