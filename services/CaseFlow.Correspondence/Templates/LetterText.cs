using Fluid;

namespace CaseFlow.Correspondence.Templates;

public sealed record RenderedText(string Subject, string Body);

/// <summary>
/// A letter's subject and body as Liquid templates (Fluid): parsed and checked for unknown placeholders first,
/// rendered only when the case has every value they use.
/// </summary>
/// <param name="Origin">"template &lt;id&gt; (&lt;language&gt;)" for the library, null for text written in the request.</param>
public sealed class LetterText
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { MaxSteps = 100_000 };

    private readonly IFluidTemplate subject;
    private readonly IFluidTemplate body;
    private readonly string? origin;

    public IReadOnlyList<string> Placeholders { get; }

    private LetterText(IFluidTemplate subject, IFluidTemplate body, string? origin, IReadOnlyList<string> placeholders)
    {
        this.subject = subject;
        this.body = body;
        this.origin = origin;
        Placeholders = placeholders;
    }

    public bool NeedsCase => Placeholders.Any(Templates.Placeholders.NeedsCase);

    /// <summary>Throws naming the field (text from the request) or the template (library) and the unknown placeholder.</summary>
    public static LetterText Parse(string subjectText, string bodyText, string? origin = null)
    {
        var problems = new List<FieldProblem>();
        var subject = ParseOne(subjectText, "subject", origin, problems);
        var body = ParseOne(bodyText, "body", origin, problems);
        if (problems.Count > 0) Fail(problems, origin);
        return new LetterText(subject!, body!, origin,
            PlaceholderFinder.Find(subject!).Union(PlaceholderFinder.Find(body!)).Order().ToList());
    }

    /// <summary>Renders with the case's values; a value the case does not have yet is named in a FAILED_PRECONDITION.</summary>
    public RenderedText Render(IReadOnlyDictionary<string, string?> values)
    {
        var missing = Placeholders.Where(p => values.GetValueOrDefault(p) is null).ToList();
        if (missing.Count > 0)
            throw new RuleViolated($"the case has no value for {string.Join(", ", missing.Select(Templates.Placeholders.Describe))}" +
                $"{(origin is null ? "" : $" used by {origin}")}: record it at Intake first, or write the letter by hand");
        var context = new TemplateContext(Options);
        foreach (var scope in values.Where(v => v.Value is not null).GroupBy(v => v.Key.Split('.')[0]))
            context.SetValue(scope.Key, scope.ToDictionary(v => v.Key[(scope.Key.Length + 1)..], v => (object)v.Value!));
        return new RenderedText(subject.Render(context).Trim(), body.Render(context).Trim());
    }

    private static IFluidTemplate? ParseOne(string text, string field, string? origin, List<FieldProblem> problems)
    {
        if (!Parser.TryParse(text, out var template, out var error))
        {
            problems.Add(new FieldProblem(field, $"is not a valid template: {error}"));
            return null;
        }
        foreach (var unknown in PlaceholderFinder.Find(template).Where(p => !Templates.Placeholders.Known.ContainsKey(p)))
            problems.Add(new FieldProblem(field, $"unknown placeholder '{unknown}'; known placeholders: " +
                string.Join(", ", Templates.Placeholders.Known.Keys)));
        return template;
    }

    private static void Fail(List<FieldProblem> problems, string? origin)
    {
        if (origin is null) throw new InvalidInput(problems);
        // A broken library template is not the caller's input: it is a fault to fix in the library.
        throw new RuleViolated($"{origin} cannot be used: {string.Join("; ", problems)}");
    }
}
