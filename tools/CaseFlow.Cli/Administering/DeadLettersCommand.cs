using System.CommandLine;
using CaseFlow.Admin.Api.V1;
using CaseFlow.Cli.Auditing;
using Grpc.Core;

namespace CaseFlow.Cli.Administering;

/// <summary>
/// <c>caseflow admin dead-letters list|replay</c>: the messages the services' consumers gave up on, and moving them back
/// to their queue after a fix. Each service reads its own _error queues; the CLI needs no broker credentials.
/// </summary>
public static class DeadLettersCommand
{
    public static Command Create(Option<string?> serviceOption)
    {
        var list = new Command("list", "List the dead letters of every service (or of --service)") { serviceOption };
        list.SetAction(async (result, ct) =>
        {
            var services = AdminServices.Chosen(result.GetValue(serviceOption));
            var letters = new List<(string Service, DeadLetter Letter)>();
            foreach (var (name, client, auth) in services)
                letters.AddRange((await AdminServices.Call(name, () => client.ListDeadLettersAsync(new ListDeadLettersRequest(), auth, cancellationToken: ct).ResponseAsync))
                    .Letters.Select(l => (name, l)));
            Console.Write(Render(letters));
            return 0;
        });

        var id = new Argument<string?>("id") { Description = "a dead letter's id (from: caseflow admin dead-letters list)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "replay every dead letter" };
        var replay = new Command("replay", "Move a dead letter (or --all) back to its queue after a fix; recorded, and a second replay changes nothing")
            { id, all, serviceOption };
        replay.SetAction(async (result, ct) =>
        {
            var (given, everything) = (result.GetValue(id), result.GetValue(all));
            if (string.IsNullOrWhiteSpace(given) == !everything)
            {
                Console.Error.WriteLine("give either a dead letter's id or --all");
                return 2;
            }
            var replayed = 0;
            foreach (var (name, client, auth) in AdminServices.Chosen(result.GetValue(serviceOption)))
            {
                ReplayOutcome outcome;
                try
                {
                    outcome = await AdminServices.Call(name, () => client.ReplayDeadLettersAsync(
                        new ReplayDeadLettersRequest { Id = given ?? "", All = everything }, auth, cancellationToken: ct).ResponseAsync);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { continue; } // the id is another service's
                foreach (var letter in outcome.Letters)
                {
                    replayed++;
                    Console.WriteLine(letter.Outcome == "replayed"
                        ? $"{name}: replayed {letter.MessageType} {letter.Id} to {letter.Queue}"
                        : $"{name}: {letter.MessageType} {letter.Id} was already replayed by {letter.ReplayedBy} at {letter.ReplayedAt.ToDateTimeOffset():u}; nothing done");
                }
            }
            if (replayed > 0) return 0;
            Console.WriteLine(everything ? "no dead letters" : $"no service has a dead letter with id {given}");
            return everything ? 0 : 1;
        });

        return new Command("dead-letters", "The messages consumers gave up on after their retries") { list, replay };
    }

    public static string Render(IReadOnlyList<(string Service, DeadLetter Letter)> letters)
    {
        if (letters.Count == 0) return "no dead letters\n";
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{"service",-15} {"id",-36} {"message",-26} {"case",-36} {"first failure",-20} {"last failure",-20} replays  error");
        foreach (var (service, l) in letters)
            text.AppendLine($"{service,-15} {l.Id,-36} {l.MessageType,-26} {l.CaseId,-36} {When(l.FirstFailedAt),-20} {When(l.LastFailedAt),-20} {l.Replays,7}  {l.Error}");
        return text.ToString();
    }

    private static string When(Google.Protobuf.WellKnownTypes.Timestamp? at) => at is null ? "-" : at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss");
}
