using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace CaseFlow.ServiceDefaults.Hosting;

internal static class EmbeddedDefaults
{
    /// <summary>
    /// Each service ships its defaults (reference data, settings) inside its assembly, below every other
    /// source, so it runs the same from any folder and several services can share one test process.
    /// </summary>
    public static void AddEmbeddedDefaults(this ConfigurationManager configuration, Assembly assembly, string name = "defaults.json")
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return;
        // Read once into plain values: the manager reloads every source when another is added, and a stream reads only once.
        var values = new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable().Where(v => v.Value is not null).ToList();
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
    }
}
