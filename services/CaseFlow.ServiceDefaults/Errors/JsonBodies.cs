using CaseFlow.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// A JSON body that would not parse into the request (wrong type, unknown field, empty, truncated), or a query
/// parameter that would not parse as its field, is not answered here: its problems are handed to the call gate,
/// which refuses the call only after the caller's role was checked, with the same <c>google.rpc.BadRequest</c> as any
/// other input problem. Meanwhile the transcoder is given an empty body (and no query), so it reaches the gate
/// instead of answering "Request JSON payload is not correctly formatted." itself.
/// </summary>
public static class JsonBodies
{
    private const string ProblemsItem = "caseflow.json-problems";

    /// <summary>Runs after authentication: a stranger learns nothing about the API, not even a parse error.</summary>
    public static void UseJsonBodyCheck(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoded
            && CaseFlowMethods.IsCaseFlow(CaseFlowMethods.GrpcName(transcoded.MethodDescriptor)))
        {
            var request = transcoded.MethodDescriptor.InputType;
            var bodyRule = transcoded.HttpRule.Body;
            var problems = new List<FieldProblem>();
            // With body "*" every field not in the path comes from the body, and the query is not read.
            if (bodyRule != "*")
            {
                problems.AddRange(QueryShape.Problems(context.Request.Query, request));
                if (problems.Count > 0) context.Request.QueryString = QueryString.Empty;
            }
            if (bodyRule.Length > 0)
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                var bodyProblems = JsonShape.Problems(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), request, bodyRule);
                problems.AddRange(bodyProblems);
                var body = bodyProblems.Count > 0 ? JsonShape.EmptyBody(request, bodyRule) : buffer.ToArray();
                if (bodyProblems.Count > 0) context.Request.ContentType = "application/json";
                context.Request.Body = new MemoryStream(body);
                context.Request.ContentLength = body.Length;
            }
            if (problems.Count > 0) context.Items[ProblemsItem] = problems;
        }
        await next(context);
    });

    /// <summary>What was wrong with the JSON body or the query of this call, if it came as JSON.</summary>
    public static IReadOnlyList<FieldProblem> ProblemsOf(HttpContext? context) =>
        context?.Items[ProblemsItem] as IReadOnlyList<FieldProblem> ?? [];
}
