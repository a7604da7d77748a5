using CaseFlow.ServiceDefaults.EventStore;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Status = Google.Rpc.Status;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses (and, through JSON transcoding, HTTP statuses): bad input,
/// broken rules, missing streams, forbidden calls, version conflicts and an unreachable database. The call gate applies it to every call.
/// </summary>
public static class ErrorMapping
{
    internal const string HttpStatusItem = "caseflow.http-status";
    internal const string RetryAfterItem = "caseflow.retry-after";

    /// <summary>The status a failure answers, or null for a failure that is a bug (left to gRPC: UNKNOWN / 500).</summary>
    public static RpcException? ToRpc(Exception e, ServerCallContext context)
    {
        var rpc = e switch
        {
            RpcException already => already,
            InvalidInput invalid => BadRequest(invalid),
            RuleViolated rule => Precondition(rule.Message, rule.Subjects),
            Privacy.SubjectErased erased => Simple(Code.FailedPrecondition, erased.Message),
            Privacy.Consent.MissingConsent missing =>
                Precondition(missing.Message, [new RuleSubject("CONSENT", $"consent-to-share/{missing.AgencyKind}", missing.Message)]),
            NotFound missing => Simple(Code.NotFound, missing.Message),
            Forbidden forbidden => Simple(Code.PermissionDenied, forbidden.Message),
            _ when ConflictRetry.IsConflict(e)
                || e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                Simple(Code.Aborted, "the case was changed by someone else meanwhile; read it again and retry with its new version"),
            Messaging.BrokerOutOfReach broker => Unavailable(context, broker.Message),
            _ when DatabaseUnreachable.Is(e) => Unavailable(context, "the database cannot be reached at the moment; retry the same request shortly"),
            _ => null,
        };
        // JSON transcoding maps FAILED_PRECONDITION to 400; CaseFlow's HTTP callers get 412.
        if (rpc?.StatusCode == StatusCode.FailedPrecondition && context.GetHttpContext() is { } http)
            http.Items[HttpStatusItem] = StatusCodes.Status412PreconditionFailed;
        return rpc;
    }

    /// <summary>INVALID_ARGUMENT with a <c>google.rpc.BadRequest</c> naming every wrong field, whoever found it.</summary>
    private static RpcException BadRequest(InvalidInput invalid)
    {
        var details = new BadRequest();
        details.FieldViolations.AddRange(invalid.Problems.Select(p =>
            new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Problem }));
        return new Status { Code = (int)Code.InvalidArgument, Message = invalid.Message, Details = { Any.Pack(details) } }
            .ToRpcException();
    }

    /// <summary>FAILED_PRECONDITION, with a <c>google.rpc.PreconditionFailure</c> naming the rule's subjects when it has any.</summary>
    private static RpcException Precondition(string message, IReadOnlyList<RuleSubject> subjects)
    {
        if (subjects.Count == 0) return Simple(Code.FailedPrecondition, message);
        var details = new PreconditionFailure();
        details.Violations.AddRange(subjects.Select(s =>
            new PreconditionFailure.Types.Violation { Type = s.Type, Subject = s.Subject, Description = s.Description }));
        return new Status { Code = (int)Code.FailedPrecondition, Message = message, Details = { Any.Pack(details) } }
            .ToRpcException();
    }

    /// <summary>UNAVAILABLE with a <c>google.rpc.RetryInfo</c>; through JSON, 503 with a Retry-After header.</summary>
    private static RpcException Unavailable(ServerCallContext context, string message)
    {
        if (context.GetHttpContext() is { } http) http.Items[RetryAfterItem] = DatabaseUnreachable.RetryAfter;
        var retry = new RetryInfo { RetryDelay = Duration.FromTimeSpan(DatabaseUnreachable.RetryAfter) };
        return new Status
        {
            Code = (int)Code.Unavailable, Message = message,
            Details = { Any.Pack(retry) },
        }.ToRpcException();
    }

    private static RpcException Simple(Code code, string message) =>
        new Status { Code = (int)code, Message = message }.ToRpcException();
}

public static class HttpStatusOfGrpcErrors
{
    /// <summary>Applies the HTTP status chosen above just before a transcoded response starts.</summary>
    public static void UseHttpStatusOfGrpcErrors(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Items[ErrorMapping.HttpStatusItem] is int status) context.Response.StatusCode = status;
            if (context.Items[ErrorMapping.RetryAfterItem] is TimeSpan wait)
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    });
}
