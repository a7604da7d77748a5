using System.CommandLine;
using CaseFlow.Admin.Api.V1;
using CaseFlow.Cli.Auditing;
using Grpc.Core;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.Cli.Administering;

/// <summary>
/// <c>caseflow admin projections|rebuild|dead-letters|status</c>: a service's projections, rebuilt from the events with
/// progress; its dead letters, listed and replayed; the operations view of every service.
/// </summary>
public static class AdminCommand
{
    private static readonly string[] Services = ["intake", "correspondence", "reunification"];

    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "intake, correspondence or reunification" };
        service.AcceptOnlyFromAmong(Services);
        var projection = new Argument<string>("projection") { Description = "the projection's name (see: caseflow admin projections <service>)" };

        var list = new Command("projections", "List a service's projections") { service };
        list.SetAction(async (result, ct) =>
        {
            var name = result.GetValue(service)!;
            var (client, auth) = Connect(name);
            var answer = await AdminServices.Call(name, () => client.ListProjectionsAsync(new ListProjectionsRequest(), auth, cancellationToken: ct).ResponseAsync);
            foreach (var p in answer.Projections) Console.WriteLine($"{p.Name,-40} {p.Lifecycle}");
            return 0;
        });

        var rebuild = new Command("rebuild", "Rebuild a projection from the events, showing progress") { service, projection };
        rebuild.SetAction(async (result, ct) =>
        {
            var (client, auth) = Connect(result.GetValue(service)!);
            using var call = client.RebuildProjection(new RebuildProjectionRequest { Name = result.GetValue(projection) }, auth, cancellationToken: ct);
            await foreach (var progress in call.ResponseStream.ReadAllAsync(ct))
                Console.WriteLine(progress.Done
                    ? $"{progress.Name}: rebuilt {progress.Total} events in {progress.Seconds:F1} s"
                    : $"{progress.Name}: {progress.Processed}/{progress.Total} events, {progress.Seconds:F1} s");
            return 0;
        });

        var only = new Option<string?>("--service") { Description = "only this service: intake, correspondence or reunification" };
        only.AcceptOnlyFromAmong(Services);
        return new Command("admin", "Operate the services: projections, dead letters, status (supervisors)")
        {
            list, rebuild, DeadLettersCommand.Create(only), StatusCommand.Create(only),
        };
    }

    private static (AdminClient Client, Metadata Auth) Connect(string name) => AdminServices.One(name);
}
