using System.CommandLine;
using System.Text;
using CaseFlow.Admin.Api.V1;
using CaseFlow.Cli.Calling;
using Google.Protobuf;

namespace CaseFlow.Cli.Administering;

/// <summary>
/// <c>caseflow admin status [--json]</c>: per service its health, the relay's position and lag, the async projections'
/// lags, its consumer queues' depths and its dead letters, as the service itself reads them. A service that does not
/// answer is a row that says so.
/// </summary>
public static class StatusCommand
{
    public static Command Create(Option<string?> serviceOption)
    {
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var command = new Command("status", "Health, relay and projection lag, queue depths and dead letters of each service") { serviceOption, json };
        command.SetAction(async (result, ct) =>
        {
            var rows = new List<(string Service, ServiceStatus? Status, string? Problem)>();
            foreach (var (name, client, auth) in AdminServices.Chosen(result.GetValue(serviceOption)))
            {
                try
                {
                    rows.Add((name, await AdminServices.Call(name, () => client.GetStatusAsync(new GetStatusRequest(), auth,
                        deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: ct).ResponseAsync), null));
                }
                catch (ServiceDidNotAnswer e) { rows.Add((name, null, $"does not answer: {e.Detail}")); }
                catch (Grpc.Core.RpcException e) { rows.Add((name, null, $"{e.StatusCode}: {e.Status.Detail}")); }
            }
            Console.Write(result.GetValue(json) ? Json(rows) : Table(rows));
            return rows.All(r => r.Status?.Health == "healthy") ? 0 : 1;
        });
        return command;
    }

    public static string Table(IReadOnlyList<(string Service, ServiceStatus? Status, string? Problem)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"service",-15} {"health",-10} {"events",8} {"relay at",9} {"relay lag",10} {"lag s",7} {"queued",7} {"dead",5}  other");
        foreach (var (service, s, problem) in rows)
        {
            if (s is null) { text.AppendLine($"{service,-15} {"DOWN",-10} {problem}"); continue; }
            var queued = s.BrokerReachable ? s.Queues.Sum(q => q.Messages).ToString() : "?";
            var dead = s.DeadLetters < 0 ? "?" : s.DeadLetters.ToString();
            var other = string.Join(", ", s.Figures.Select(f => $"{f.Name.Replace('_', ' ')} {f.Value}"));
            text.AppendLine($"{service,-15} {s.Health,-10} {s.HighWaterMark,8} {s.Relay?.Position,9} {s.Relay?.LagEvents,10} {s.Relay?.LagSeconds ?? 0,7:F1} {queued,7} {dead,5}  {other}");
        }
        foreach (var (service, s, _) in rows.Where(r => r.Status is not null))
        {
            foreach (var p in s!.Projections.Where(p => !p.Name.StartsWith("outbox-relay", StringComparison.Ordinal)))
                text.AppendLine($"  {service} projection {p.Name}: at {p.Position}, {p.LagEvents} events / {p.LagSeconds:F1} s behind");
            foreach (var q in s.Queues.Where(q => q.Messages > 0 || q.Consumers == 0))
                text.AppendLine($"  {service} queue {q.Queue}: {q.Messages} waiting, {q.Consumers} consumers");
            if (s.Instance.Length > 0)
                text.AppendLine($"  {service} answered by {s.Instance}: daemon {(s.DaemonAgents.Count == 0 ? "standby (no agents here)" : "runs " + string.Join(", ", s.DaemonAgents))}");
            foreach (var note in s.HealthNotes.Where(n => !n.Contains(": Healthy", StringComparison.Ordinal)))
                text.AppendLine($"  {service}: {note}");
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<(string Service, ServiceStatus? Status, string? Problem)> rows)
    {
        var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
        var items = rows.Select(r => r.Status is { } s ? formatter.Format(s) : System.Text.Json.JsonSerializer.Serialize(new { service = r.Service, health = "down", problem = r.Problem }));
        return "[" + string.Join(",\n", items) + "]\n";
    }
}
