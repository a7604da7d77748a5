using System.CommandLine;
using CaseFlow.Cli.Administering;
using CaseFlow.Cli.Auditing;
using CaseFlow.Cli.Tokens;

var root = new RootCommand("CaseFlow command-line tool") { TokenCommand.Create(), AuditCommand.Create(), AdminCommand.Create() };
return await root.Parse(args).InvokeAsync();
