namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>One wrong field of a request: its JSON name and what is wrong with it.</summary>
public sealed record FieldProblem(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}

/// <summary>The request is malformed (INVALID_ARGUMENT, HTTP 400). Nothing was changed.</summary>
public sealed class InvalidInput(IReadOnlyList<FieldProblem> problems)
    : Exception("invalid request: " + string.Join("; ", problems))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;

    public InvalidInput(string field, string problem) : this([new FieldProblem(field, problem)]) { }
}

/// <summary>
/// A rule of the case forbids the command in the current state (FAILED_PRECONDITION, HTTP 412); with subjects, a
/// <c>google.rpc.PreconditionFailure</c> names each thing that is not yet as the rule needs it.
/// </summary>
public sealed class RuleViolated(string message, IReadOnlyList<RuleSubject>? subjects = null) : Exception(message)
{
    public IReadOnlyList<RuleSubject> Subjects { get; } = subjects ?? [];
}

/// <summary>One violation of a rule: its kind (e.g. CONSENT), what it is about (e.g. <c>family/son-1</c>) and why.</summary>
public sealed record RuleSubject(string Type, string Subject, string Description);

/// <summary>The case, file or item does not exist (NOT_FOUND, HTTP 404).</summary>
public sealed class NotFound(string message) : Exception(message);

/// <summary>The caller may not do this (PERMISSION_DENIED, HTTP 403).</summary>
public sealed class Forbidden(string message) : Exception(message);
