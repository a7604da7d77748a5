using System.Reflection;

namespace CaseFlow.Correspondence.Templates;

public sealed record LetterTemplate(string Id, string Language, string Kind, string Title, string Subject, string Body)
{
    public string Origin => $"template {Id} ({Language})";

    public LetterText Parse() => LetterText.Parse(Subject, Body, Origin);
}

/// <summary>
/// The letter templates shipped with the service: one file per template and language,
/// Templates/Library/&lt;id&gt;.&lt;language&gt;.liquid, with a short header (kind, title, subject) above "---".
/// </summary>
public sealed class TemplateLibrary
{
    private const string ResourcePrefix = "templates/";

    public IReadOnlyList<LetterTemplate> Templates { get; }

    public TemplateLibrary(IEnumerable<LetterTemplate> templates) =>
        Templates = templates.OrderBy(t => t.Id).ThenBy(t => t.Language).ToList();

    public static TemplateLibrary Shipped()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        return new TemplateLibrary(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name)));
    }

    public LetterTemplate? Find(string id, string language) =>
        Templates.FirstOrDefault(t => t.Id == id && t.Language == language);

    public bool Has(string id) => Templates.Any(t => t.Id == id);

    private static LetterTemplate Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        var parts = Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]).Split('.');
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (parts.Length != 2 || split < 0) throw new InvalidOperationException($"{resource} is not <id>.<language>.liquid with a header and ---");
        var header = text[..split].Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var template = new LetterTemplate(parts[0], parts[1], header.GetValueOrDefault("kind", ""), header.GetValueOrDefault("title", ""),
            header.GetValueOrDefault("subject", ""), text[(split + 5)..]);
        if (!Vocabulary.Kinds.Contains(template.Kind) || !Vocabulary.Languages.Contains(template.Language))
            throw new InvalidOperationException($"{resource}: unknown kind '{template.Kind}' or language '{template.Language}'");
        return template;
    }
}
