using CaseFlow.ServiceDefaults.EventStore;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using JasperFx.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Status = Google.Rpc.Status;

namespace CaseFlow.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses (and, through JSON transcoding, HTTP statuses):
/// bad input, broken rules, missing streams, forbidden calls and version conflicts.
/// </summary>
public sealed class ErrorMappingInterceptor : Interceptor
{
    internal const string HttpStatusItem = "caseflow.http-status";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ToRpc(e) is { } rpc)
        {
            // JSON transcoding maps FAILED_PRECONDITION to 400; CaseFlow's HTTP callers get 412.
            if (rpc.StatusCode == StatusCode.FailedPrecondition)
                context.GetHttpContext().Items[HttpStatusItem] = StatusCodes.Status412PreconditionFailed;
            throw rpc;
        }
    }

    private static RpcException? ToRpc(Exception e) => e switch
    {
        InvalidInput invalid => BadRequest(invalid),
        RuleViolated rule => Simple(Code.FailedPrecondition, rule.Message),
        NotFound missing => Simple(Code.NotFound, missing.Message),
        Forbidden forbidden => Simple(Code.PermissionDenied, forbidden.Message),
        _ when ConflictRetry.IsConflict(e)
            || e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
            Simple(Code.Aborted, "the case was changed by someone else meanwhile; read it again and retry with its new version"),
        _ => null,
    };

    private static RpcException BadRequest(InvalidInput invalid)
    {
        var details = new BadRequest();
        details.FieldViolations.AddRange(invalid.Problems.Select(p =>
            new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Problem }));
        return new Status { Code = (int)Code.InvalidArgument, Message = invalid.Message, Details = { Any.Pack(details) } }
            .ToRpcException();
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
            if (context.Items[ErrorMappingInterceptor.HttpStatusItem] is int status) context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
