using System.Net;
using System.Text.Json.Nodes;

namespace CaseFlow.Cli.Calling;

/// <summary>What a JSON call answered, for callers that look at a refusal as closely as at an answer.</summary>
public sealed class JsonAnswer(string call, HttpStatusCode status, string body, TimeSpan? retryAfter = null)
{
    /// <summary>How long a refused caller (429, 503) is asked to wait before trying again.</summary>
    public TimeSpan? RetryAfter => retryAfter;

    public string Call => call;
    public HttpStatusCode Status => status;
    public string Body => body;
    public bool Succeeded => (int)status is >= 200 and <= 299;

    /// <summary>The body as a JSON object; an empty body (a 401, say) is an empty object.</summary>
    public JsonObject Json => string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();

    /// <summary>The fields a 400 names (google.rpc.BadRequest's field violations), as JSON paths like <c>member.caregiver</c>.</summary>
    public IReadOnlyList<string> ViolatedFields => Json["details"]?.AsArray()
        .Where(d => d?["@type"]?.ToString().EndsWith("google.rpc.BadRequest", StringComparison.Ordinal) == true)
        .SelectMany(d => d!["fieldViolations"]?.AsArray() ?? [])
        .Select(v => v?["field"]?.ToString() ?? "")
        .ToList() ?? [];

    public JsonAnswer EnsureSuccess() => Succeeded ? this : throw new JsonCallFailed(this);

    public void Deconstruct(out HttpStatusCode status, out JsonObject json) => (status, json) = (Status, Json);

    public override string ToString() => $"{call} answered {(int)status} {status}: {body}";
}

/// <summary>A call that had to succeed was refused: the answer says why (a field, a rule, a conflict, a permission).</summary>
public sealed class JsonCallFailed(JsonAnswer answer) : Exception(answer.ToString())
{
    public JsonAnswer Answer => answer;
    public HttpStatusCode Status => answer.Status;
    public string Body => answer.Body;
}

public static class JsonFields
{
    /// <summary>A field of an answer as text, e.g. <c>caseId</c>; a missing one is a failure naming it.</summary>
    public static string Str(this JsonObject json, string name) =>
        json[name]?.ToString() ?? throw new InvalidOperationException($"no '{name}' in {json.ToJsonString()}");
}
