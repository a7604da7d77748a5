using CaseFlow.Admin.Api.V1;
using CaseFlow.Contracts.Intake.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using AdminClient = CaseFlow.Admin.Api.V1.Admin.AdminClient;

namespace CaseFlow.IntegrationTests.Operations;

/// <summary>
/// A message that fails for want of a precondition (news of a case Reunification has no file for) is retried, then
/// parked in its _error queue and listed with its error; once the precondition holds (the case's CaseOpened arrives),
/// a replay applies it exactly once and is recorded, and a second replay of it changes nothing and says so. The
/// dead-letter figure moves 0 → 1 → 0 in the status and on /metrics.
/// </summary>
public sealed class DeadLetterTests(SystemWithQuickDeadLetters system) : IClassFixture<SystemWithQuickDeadLetters>
{
    private Metadata Supervisor => RunningService.Bearer(system.Token(Caller.Supervisor, center: null, user: "coordinator-dina"));
    private AdminClient Admin => new(system.Reunification.Grpc);

    [Fact]
    public async Task A_poison_message_is_listed_replayed_once_after_the_fix_and_a_second_replay_changes_nothing()
    {
        (await Admin.GetStatusAsync(new GetStatusRequest(), Supervisor)).DeadLetters.ShouldBe(0);
        await Eventually.True(async () => await Metric(system.Reunification, "caseflow_dead_letters") == 0, "dead letters 0 on /metrics");

        var caseId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await using (var bus = await TestBus.Start(system.BrokerUri))
            await bus.Publish(new VulnerabilityRaised(caseId, "kara-suu", "v-1", "caregiver-incapacitated", null, "broke both legs", "urgent",
                DateTimeOffset.Parse("2020-05-28T12:00:00Z")), context => context.MessageId = messageId);

        var letter = await Eventually.Get(async () => (await Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), Supervisor)).Letters
            .FirstOrDefault(l => l.CaseId == caseId.ToString()), "the poison message among the dead letters");
        letter.Id.ShouldBe(messageId.ToString());
        letter.MessageType.ShouldBe("VulnerabilityRaised");
        letter.Queue.ShouldEndWith("vulnerability-changes");
        letter.Error.ShouldContain("has no reunification file yet");
        letter.LastFailedAt.ShouldNotBeNull();
        letter.Replays.ShouldBe(0);
        (await Admin.GetStatusAsync(new GetStatusRequest(), Supervisor)).DeadLetters.ShouldBe(1);
        await Eventually.True(async () => await Metric(system.Reunification, "caseflow_dead_letters") == 1, "dead letters 1 on /metrics");

        // The fix: the case's CaseOpened arrives, and Reunification opens the file the poison message needed.
        await using (var bus = await TestBus.Start(system.BrokerUri))
            await bus.Publish(new CaseOpened(caseId, "kara-suu", "family-separation", "walk-in", DateTimeOffset.Parse("2020-04-02T09:00:00Z")), _ => { });
        await Eventually.True(async () => await Events(caseId) == 1, "the reunification file to be opened");

        var replayed = (await Admin.ReplayDeadLettersAsync(new ReplayDeadLettersRequest { Id = letter.Id }, Supervisor)).Letters.ShouldHaveSingleItem();
        replayed.Outcome.ShouldBe("replayed");
        replayed.ReplayedBy.ShouldBe("coordinator-dina");
        await Eventually.True(async () => await Events(caseId) == 2, "the replayed message to change the priority");
        (await Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), Supervisor)).Letters.ShouldNotContain(l => l.Id == letter.Id);
        (await system.Count(system.Reunification, "mt_doc_deadletterreplay", "id = $1", letter.Id)).ShouldBe(1);

        var again = (await Admin.ReplayDeadLettersAsync(new ReplayDeadLettersRequest { Id = letter.Id }, Supervisor)).Letters.ShouldHaveSingleItem();
        again.Outcome.ShouldBe("already-replayed");
        again.ReplayedBy.ShouldBe("coordinator-dina");
        (await Admin.ReplayDeadLettersAsync(new ReplayDeadLettersRequest { All = true }, Supervisor)).Letters.ShouldBeEmpty();
        (await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}")).ShouldBe(1);
        (await Events(caseId)).ShouldBe(2);
        (await Admin.GetStatusAsync(new GetStatusRequest(), Supervisor)).DeadLetters.ShouldBe(0);
        await Eventually.True(async () => await Metric(system.Reunification, "caseflow_dead_letters") == 0, "dead letters back to 0 on /metrics");
    }

    /// <summary>
    /// Two supervisors (or two instances) replaying the same dead letters at once take turns on the service's replay lock:
    /// each letter is moved back and recorded by exactly one of the calls, the others say it was already replayed (an
    /// id) or do not list it (all), and none fails because another call held the letter meanwhile.
    /// </summary>
    /// Without the lock one round fails about two times in three (a call finds a letter another call holds and answers not
    /// found), so three rounds make a missing lock show.
    [Fact]
    public async Task Concurrent_replays_of_the_same_dead_letters_move_each_back_once_and_record_it_once()
    {
        for (var round = 0; round < 3; round++) await RaceReplays();
    }

    private async Task RaceReplays()
    {
        var poisoned = Enumerable.Range(0, 3).Select(_ => (Case: Guid.NewGuid(), Message: Guid.NewGuid())).ToList();
        await using (var bus = await TestBus.Start(system.BrokerUri))
            foreach (var (caseId, messageId) in poisoned)
                await bus.Publish(new VulnerabilityRaised(caseId, "kara-suu", "v-1", "caregiver-incapacitated", null, "broke both legs", "urgent",
                    DateTimeOffset.Parse("2020-05-28T12:00:00Z")), context => context.MessageId = messageId);
        var ids = poisoned.Select(p => p.Message.ToString()).ToList();
        await Eventually.True(async () => (await Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), Supervisor)).Letters
            .Count(l => ids.Contains(l.Id)) == ids.Count, "the three poison messages among the dead letters");
        await using (var bus = await TestBus.Start(system.BrokerUri))
            foreach (var (caseId, _) in poisoned)
                await bus.Publish(new CaseOpened(caseId, "kara-suu", "family-separation", "walk-in", DateTimeOffset.Parse("2020-04-02T09:00:00Z")), _ => { });
        foreach (var (caseId, _) in poisoned) await Eventually.True(async () => await Events(caseId) == 1, "the reunification file to be opened");

        // Each letter by id twice, and everything twice, all at once.
        var requests = ids.SelectMany(id => new[] { new ReplayDeadLettersRequest { Id = id }, new ReplayDeadLettersRequest { Id = id } })
            .Concat([new ReplayDeadLettersRequest { All = true }, new ReplayDeadLettersRequest { All = true }]);
        var answers = await Task.WhenAll(requests.Select(r => Admin.ReplayDeadLettersAsync(r, Supervisor).ResponseAsync));

        var outcomes = answers.SelectMany(a => a.Letters).Where(l => ids.Contains(l.Id)).ToList();
        foreach (var id in ids)
        {
            outcomes.Count(l => l.Id == id && l.Outcome == "replayed").ShouldBe(1, $"letter {id} moved back by one call: {string.Join(", ", outcomes)}");
            (await system.Count(system.Reunification, "mt_doc_deadletterreplay", "id = $1 and jsonb_array_length(data -> 'Replays') = 1", id))
                .ShouldBe(1, $"one replay recorded for {id}");
        }
        foreach (var (caseId, messageId) in poisoned)
        {
            await Eventually.True(async () => await Events(caseId) == 2, "the replayed message to change the priority");
            (await system.Count(system.Reunification, "mt_doc_processedmessage", "id like $1", $"%/{messageId}")).ShouldBe(1);
        }
        (await Admin.ListDeadLettersAsync(new ListDeadLettersRequest(), Supervisor)).Letters.ShouldNotContain(l => ids.Contains(l.Id));
        foreach (var (caseId, _) in poisoned) (await Events(caseId)).ShouldBe(2, "applied once");
    }

    [Fact]
    public async Task A_replay_names_one_id_or_all_and_an_unknown_id_is_not_found()
    {
        var neither = await Should.ThrowAsync<RpcException>(() => Admin.ReplayDeadLettersAsync(new ReplayDeadLettersRequest(), Supervisor).ResponseAsync);
        neither.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        neither.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldContain(v => v.Field == "id");

        var unknown = await Should.ThrowAsync<RpcException>(() => Admin.ReplayDeadLettersAsync(
            new ReplayDeadLettersRequest { Id = Guid.NewGuid().ToString() }, Supervisor).ResponseAsync);
        unknown.StatusCode.ShouldBe(StatusCode.NotFound);

        var operatorCall = await Should.ThrowAsync<RpcException>(() => Admin.ListDeadLettersAsync(new ListDeadLettersRequest(),
            RunningService.Bearer(system.Token())).ResponseAsync);
        operatorCall.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    private Task<long> Events(Guid caseId) => system.Count(system.Reunification, "mt_events", "stream_id = $1", caseId);

    /// <summary>
    /// A gauge's value as a Prometheus scraper reads it, or -1 while it is not exported yet. Its line of this very instance:
    /// the hosts of one test process share the process's meters.
    /// </summary>
    public static async Task<double> Metric(RunningService service, string name, string? label = null)
    {
        var text = (await service.Json(token: null).Get("/metrics")).Body;
        var instance = $"service_instance=\"{InstanceOf(service)}\"";
        var line = text.Split('\n').FirstOrDefault(l => (l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            && l.Contains(instance, StringComparison.Ordinal) && (label is null || l.Contains(label, StringComparison.Ordinal)));
        return line is null ? -1 : double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string InstanceOf(RunningService service) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ServiceInstance>(service.App.Services).Name;
}

/// <summary>The system with one retry before a message is parked, and the operations figures sampled twice a second.</summary>
public sealed class SystemWithQuickDeadLetters : CaseFlowSystem
{
    protected override Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) => builder =>
    {
        builder.Configuration["Messaging:RetryLimit"] = "1";
        builder.Configuration["Operations:SampleSeconds"] = "0.5";
    };
}
