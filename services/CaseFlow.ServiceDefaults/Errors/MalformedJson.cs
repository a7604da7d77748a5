using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// JSON transcoding answers a syntax error with "Request JSON payload is not correctly formatted." and no more.
/// Checking the syntax first lets the 400 say where the body breaks, in the same error shape as every other.
/// </summary>
public static class MalformedJson
{
    public static void UseMalformedJsonErrors(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!HasJsonBody(context.Request))
        {
            await next(context);
            return;
        }
        context.Request.EnableBuffering();
        try
        {
            using (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)) { }
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var problem = $"malformed JSON near {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new
            {
                code = 3,
                message = $"invalid request: {field}: {problem}",
                details = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                        ["fieldViolations"] = new[] { new { field, description = problem } },
                    },
                },
            }, context.RequestAborted);
            return;
        }
        context.Request.Body.Position = 0;
        await next(context);
    });

    private static bool HasJsonBody(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        && request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        && request.ContentLength != 0;
}
