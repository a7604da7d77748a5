using CaseFlow.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.ServiceDefaults.Audit.AccessLog;

/// <summary>
/// Why the caller reads, in their own words (<c>x-caseflow-purpose</c>, the same header over gRPC and JSON), kept with
/// every read of personal data it makes. Optional; checked with the input, before the call is served.
/// </summary>
public static class StatedPurpose
{
    public const string Header = "x-caseflow-purpose";
    public const int MaxLength = 200;

    public static string? Of(HttpContext http) =>
        http.Request.Headers[Header].ToString() is { Length: > 0 } purpose ? purpose.Trim() : null;

    public static IEnumerable<FieldProblem> Problems(HttpContext http)
    {
        if (Of(http) is not { } purpose) yield break;
        if (purpose.Length > MaxLength)
            yield return new FieldProblem(Header, $"must be at most {MaxLength} characters (it has {purpose.Length})");
        else if (purpose.Any(char.IsControl))
            yield return new FieldProblem(Header, "must be one line of text");
    }
}
