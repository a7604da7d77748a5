using CaseFlow.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// A JSON body that would not parse into the request (wrong type, unknown field, empty, truncated) is not answered
/// here: its problems are handed to the call gate, which refuses the call only after the caller's role was checked,
/// with the same <c>google.rpc.BadRequest</c> as any other input problem. Meanwhile the transcoder is given an empty
/// body, so it reaches the gate instead of answering "Request JSON payload is not correctly formatted." itself.
/// </summary>
public static class JsonBodies
{
    private const string ProblemsItem = "caseflow.json-body-problems";

    /// <summary>Runs after authentication: a stranger learns nothing about the API, not even a parse error.</summary>
    public static void UseJsonBodyCheck(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { HttpRule.Body: { Length: > 0 } bodyRule } transcoded
            && CaseFlowMethods.IsCaseFlow(CaseFlowMethods.GrpcName(transcoded.MethodDescriptor)))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var problems = JsonShape.Problems(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), transcoded.MethodDescriptor.InputType, bodyRule);
            var body = buffer.ToArray();
            if (problems.Count > 0)
            {
                context.Items[ProblemsItem] = problems;
                body = JsonShape.EmptyBody(transcoded.MethodDescriptor.InputType, bodyRule);
                context.Request.ContentType = "application/json";
            }
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }
        await next(context);
    });

    /// <summary>What was wrong with the JSON body of this call, if it came as JSON.</summary>
    public static IReadOnlyList<FieldProblem> ProblemsOf(HttpContext? context) =>
        context?.Items[ProblemsItem] as IReadOnlyList<FieldProblem> ?? [];
}
