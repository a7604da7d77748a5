using CaseFlow.ServiceDefaults.Audit.AccessLog;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>
/// Every call of every kind (unary, server, client and duplex streaming) passes the same checks in the same order,
/// after ASP.NET's token check (401): may the caller's role make this call at all, as its proto declares
/// (<c>(caseflow.options.v1.access)</c>; PERMISSION_DENIED) → is the input well-shaped (<see cref="RequestShape"/>, and
/// for JSON the body's own problems from <see cref="JsonBodies"/>; INVALID_ARGUMENT) → the handler (the case's center,
/// its rules, the version) → what it answers, as the caller may see it (<see cref="PersonalData"/>), recorded in the access
/// log before it leaves when it still shows personal data (<see cref="AccessRecording"/>). Whatever fails on the way is
/// answered through <see cref="ErrorMapping"/>.
/// </summary>
public sealed class CallGate : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context, request);
            var response = PersonalData.ShownTo(await continuation(request, context), context);
            await AccessRecording.Record(context, request, response);
            return response;
        }
        catch (Exception e) when (ErrorMapping.ToRpc(e, context) is { } rpc) { throw rpc; }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context, request);
            await continuation(request, PersonalData.ShownTo(AccessRecording.Recorded(responseStream, context, request), context), context);
        }
        catch (Exception e) when (ErrorMapping.ToRpc(e, context) is { } rpc) { throw rpc; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context, request: null);
            var response = PersonalData.ShownTo(await continuation(new CheckedRequests<TRequest>(requestStream), context), context);
            await AccessRecording.Record(context, request: null, response);
            return response;
        }
        catch (Exception e) when (ErrorMapping.ToRpc(e, context) is { } rpc) { throw rpc; }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Admit(context, request: null);
            await continuation(new CheckedRequests<TRequest>(requestStream),
                PersonalData.ShownTo(AccessRecording.Recorded(responseStream, context, request: null), context), context);
        }
        catch (Exception e) when (ErrorMapping.ToRpc(e, context) is { } rpc) { throw rpc; }
    }

    /// <summary>The role first, then the input: a caller who may not make the call learns nothing about its input.</summary>
    private static void Admit(ServerCallContext context, object? request)
    {
        if (!CaseFlowMethods.IsCaseFlow(context.Method)) return; // gRPC reflection and health: not CaseFlow's API
        EnsureAllowed(context);
        var problems = JsonBodies.ProblemsOf(context.GetHttpContext()).Concat(StatedPurpose.Problems(context.GetHttpContext())).ToList();
        if (request is IMessage message)
            problems.AddRange(RequestShape.Problems(message).Where(p => problems.All(known => known.Field != p.Field)));
        if (problems.Count > 0) throw new InvalidInput(problems);
    }

    private static void EnsureAllowed(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "a bearer token is required"));
        var method = CaseFlowMethods.Find(context.Method);
        if (method is not { Roles.Count: > 0 })
            throw new Forbidden($"{context.Method} declares no access in its proto, so nobody may call it");
        var caller = Caller.From(user);
        if (!method.Allows(caller.Role))
            throw new Forbidden($"role '{caller.Role}' may not call {method.Descriptor.Name}; it is for: {string.Join(", ", method.Roles)}");
    }

    /// <summary>Each message of a client stream is checked like a unary request before the handler sees it.</summary>
    private sealed class CheckedRequests<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            if (inner.Current is IMessage message && RequestShape.Problems(message) is { Count: > 0 } problems)
                throw new InvalidInput(problems);
            return true;
        }
    }
}
