using System.CommandLine;
using CaseFlow.Cli.Administering;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Calling;
using CaseFlow.Cli.Demo;
using CaseFlow.Cli.Tokens;

var root = new RootCommand("CaseFlow command-line tool") { TokenCommand.Create(), AuditCommand.Create(), CheckpointCommand.Create(), AdminCommand.Create(), DemoCommand.Create() };
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (Explained(e) is { } explanation)
{
    // A user learns which service failed and where to look next; a stack trace only with CASEFLOW_DEBUG=1.
    Console.Error.WriteLine(explanation);
    if (Environment.GetEnvironmentVariable("CASEFLOW_DEBUG") == "1") Console.Error.WriteLine(e);
    return 2;
}

static string? Explained(Exception e) => e switch
{
    CliFailure failure => failure.Message,
    JsonCallFailed refused => $"the call was refused: {refused.Message}",
    Grpc.Core.RpcException rpc => ServiceOf(rpc) is { } service && rpc.StatusCode == Grpc.Core.StatusCode.Unavailable && rpc.Status.DebugException is not null
        ? new ServiceDidNotAnswer(service, rpc.Status.DebugException.Message).Message
        : $"{ServiceOf(rpc) ?? "a service"} answered {rpc.StatusCode}: {rpc.Status.Detail}",
    OperationCanceledException => "cancelled",
    _ => $"{e.GetType().Name}: {e.Message}",
};

// A connection failure names the address only; the local ports say whose it is.
static string? ServiceOf(Grpc.Core.RpcException rpc) =>
    AdminServices.Names.FirstOrDefault(name => (rpc.Status.DebugException?.Message ?? rpc.Status.Detail).Contains(
        $":{CaseFlow.Access.ServicePorts.Of(name).Grpc}", StringComparison.Ordinal));
