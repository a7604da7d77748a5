namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>Collects every problem of a request, so the caller learns all of them at once.</summary>
public sealed class InputCheck
{
    private readonly List<FieldProblem> problems = [];

    public InputCheck Required(string? value, string field, string? what = null)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{what ?? "a value"} is required");
        return this;
    }

    public InputCheck MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max) Add(field, $"must be at most {max} characters");
        return this;
    }

    public InputCheck That(bool condition, string field, string problem)
    {
        if (!condition) Add(field, problem);
        return this;
    }

    public Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required"); return Guid.Empty; }
        if (!Guid.TryParse(value, out var id) || id == Guid.Empty) { Add(field, $"'{value}' is not a valid id"); return Guid.Empty; }
        return id;
    }

    public bool HasProblem(string field) => problems.Any(p => p.Field == field);

    public void Add(string field, string problem) => problems.Add(new FieldProblem(field, problem));

    public void ThrowIfAny()
    {
        if (problems.Count > 0) throw new InvalidInput(problems.ToList());
    }
}
