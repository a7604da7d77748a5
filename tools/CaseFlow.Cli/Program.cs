using System.CommandLine;
using CaseFlow.Cli.Administering;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Demo;
using CaseFlow.Cli.Exporting;
using CaseFlow.Cli.Tokens;

var root = new RootCommand("CaseFlow command-line tool") { TokenCommand.Create(), AuditCommand.Create(), CheckpointCommand.Create(), AdminCommand.Create(), DemoCommand.Create(), ExportCommand.Create() };
return await root.Parse(args).InvokeAsync();
