namespace CaseFlow.Deployment.Tests;

/// <summary>
/// An image is pinned when it names a version tag (one with a digit, never <c>latest</c>) or a digest: the same
/// file then deploys the same software next month.
/// </summary>
internal static class ImageReference
{
    public static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal)) return true;
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        if (colon < 0) return false;
        var tag = name[(colon + 1)..];
        return tag != "latest" && tag.Any(char.IsDigit);
    }

    /// <summary>The base images of the services' Dockerfiles (<c>FROM image [AS stage]</c>, not a stage of the same file).</summary>
    public static IEnumerable<(string Where, string Image)> InDockerfiles()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("services"), "Dockerfile", SearchOption.AllDirectories))
        {
            var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!stages.Contains(words[1])) yield return (Path.GetRelativePath(Repository.Root, file), words[1]);
                if (words.Length >= 4 && words[2].Equals("AS", StringComparison.OrdinalIgnoreCase)) stages.Add(words[3]);
            }
        }
    }
}
