using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace CaseFlow.ServiceDefaults.Hosting;

internal static class EmbeddedDefaults
{
    /// <summary>
    /// Each service ships its defaults (reference data, settings) inside its assembly, below every other
    /// source, so it runs the same from any folder and several services can share one test process.
    /// </summary>
    public static void AddEmbeddedDefaults(this ConfigurationManager configuration, Assembly assembly, string name = "defaults.json")
    {
        var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return;
        configuration.Sources.Insert(0, new JsonStreamConfigurationSource { Stream = stream });
    }
}
