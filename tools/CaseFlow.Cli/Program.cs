using System.CommandLine;
using CaseFlow.Cli.Administering;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Calling;
using CaseFlow.Cli.Demo;
using CaseFlow.Cli.Exporting;
using CaseFlow.Cli.Registering;
using CaseFlow.Cli.Tokens;

var root = new RootCommand("CaseFlow command-line tool") { TokenCommand.Create(), AuditCommand.Create(), CheckpointCommand.Create(), AdminCommand.Create(), DemoCommand.Create(), ExportCommand.Create(), RegisterCommand.Create() };
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
    Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable, Status.DebugException: { } cause } =>
        new ServiceDidNotAnswer(ServiceOf(cause.Message) ?? "a service", $"{cause.Message}; the CLI calls {Addresses()}").Message,
    Grpc.Core.RpcException rpc => $"{ServiceOf(rpc.Status.Detail) ?? "a service"} answered {rpc.StatusCode}: {rpc.Status.Detail}",
    OperationCanceledException => "cancelled",
    _ => $"{e.GetType().Name}: {e.Message}",
};

// A connection failure names at most the address; the addresses say whose it is.
static string? ServiceOf(string message) => Endpoints().FirstOrDefault(s => message.Contains($":{s.Grpc.Port}", StringComparison.Ordinal)).Name;

static string Addresses() => string.Join(", ", Endpoints().Select(s => $"{s.Name} at {s.Grpc}"));

static IReadOnlyList<(string Name, Uri Grpc)> Endpoints() => new[]
{
    ("intake", ServiceEndpoints.Address("CASEFLOW_INTAKE_GRPC", CaseFlow.Access.ServicePorts.Intake.GrpcAddress)),
    ("correspondence", ServiceEndpoints.Address("CASEFLOW_CORRESPONDENCE_GRPC", CaseFlow.Access.ServicePorts.Correspondence.GrpcAddress)),
    ("reunification", ServiceEndpoints.Address("CASEFLOW_REUNIFICATION_GRPC", CaseFlow.Access.ServicePorts.Reunification.GrpcAddress)),
};
