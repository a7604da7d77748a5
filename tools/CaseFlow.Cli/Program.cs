using System.CommandLine;
using CaseFlow.Cli.Tokens;

var root = new RootCommand("CaseFlow command-line tool") { TokenCommand.Create() };
return await root.Parse(args).InvokeAsync();
