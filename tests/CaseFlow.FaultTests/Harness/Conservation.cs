using Npgsql;

namespace CaseFlow.FaultTests.Harness;

/// <summary>One kind of event that must cross from one service to another and take effect there exactly once.</summary>
/// <param name="SourceEvent">The publisher's domain event type (Marten's name) whose integration event crosses.</param>
/// <param name="Consumer">The consumer's name in the target's inbox records (ProcessedMessage id = consumer/message id = consumer/event id).</param>
/// <param name="ResultEvent">The event the consumer appends on the case's stream in the target, once per case.</param>
public sealed record Crossing(string Message, string Source, string SourceEvent, string Target, string Consumer, string ResultEvent)
{
    public override string ToString() => $"{Message} {Source}→{Target}";
}

/// <summary>Counts of one crossing: sent on the source side, processed and applied on the target side.</summary>
public sealed record Balance(Crossing Crossing, long Sent, long Processed, long Applied, IReadOnlyList<Guid> Lost, IReadOnlyList<Guid> AppliedTwice)
{
    public override string ToString() =>
        $"{Crossing}: sent {Sent}, processed {Processed}, applied {Applied}, lost {Lost.Count}, applied twice {AppliedTwice.Count}";
}

/// <summary>
/// The check run after every scenario: every event that should cross services did, and took effect exactly once (per
/// case and per message type, counted on both sides in the services' own stores); every case an operator was told was
/// opened exists once, and no other; nothing waits in a queue; nothing is in an _error queue but the poison sent on purpose.
/// </summary>
/// <param name="damaged">Cases a mechanism-off test damaged on purpose (lost or applied twice): left out of later balances.</param>
public sealed class Conservation(string postgres, RabbitManagement broker, IReadOnlyCollection<Guid> damaged)
{
    public static readonly IReadOnlyList<Crossing> Crossings =
    [
        new("CaseOpened", "intake", "case_opened", "correspondence", "OpenFileWhenCaseOpened", "correspondence_file_opened"),
        new("CaseOpened", "intake", "case_opened", "reunification", "OpenFileWhenCaseOpened", "case_file_opened"),
        // One separation per case in the scenarios' traffic (the first opens the reunification; a file tracks one member).
        new("FamilySeparationReported", "intake", "family_separation_reported", "reunification", "OpenReunificationWhenSeparationReported", "reunification_opened"),
        // Intake notes every delivery on the case's timeline: its effect is not checked against the case's state, so only
        // the inbox keeps a repeat from noting it twice (the crossing a test with the inbox off shows doubling on).
        new("ReunificationCancelled", "reunification", "reunification_cancelled", "intake", "NoteOnCaseTimeline", "reunification_cancellation_noted"),
        // Every seat allocated (a booking, a promotion from the waitlist, a rebooking) is noted on the case's timeline.
        new("TravelArranged", "reunification", "seat_allocated", "intake", "NoteOnCaseTimeline", "travel_arranged_noted"),
        // Noted on the timeline on every delivery too; one letter per case in the scenarios' traffic.
        new("LetterSent", "correspondence", "letter_sent", "intake", "NoteOnCaseTimeline", "letter_sent_noted"),
    ];

    /// <summary>How long the backlog (lost + queued) may stay above its lowest point before the check gives up.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    /// <summary>However fast the backlog still shrinks, a check ends after this.</summary>
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(20);

    public sealed record Report(IReadOnlyList<Balance> Balances, long ErrorMessages, long CasesOpened)
    {
        public long Lost => Balances.Sum(b => b.Lost.Count);
        public long AppliedTwice => Balances.Sum(b => b.AppliedTwice.Count);
        public override string ToString() =>
            $"{CasesOpened} cases; {string.Join("; ", Balances)}; {ErrorMessages} message(s) in _error queues";
    }

    /// <summary>Where delivery stopped: the last counts, what was still queued (per queue), and whether it had settled.</summary>
    public sealed record Outcome(Report Report, long Queued, string Queues, bool Settled, TimeSpan Waited)
    {
        public override string ToString() =>
            $"{(Settled ? "settled" : "not settled")} after {Waited.TotalSeconds:0} s: {Report}; {Queued} message(s) still queued ({Queues})";
    }

    /// <summary>
    /// Waits until delivery has settled — nothing lost any more, every queue empty, the counts unchanged over two looks —
    /// for as long as the backlog (messages lost so far + messages queued) keeps shrinking; gives up when it has not
    /// reached a new low for <paramref name="stall"/> (default <see cref="Stall"/>). Does not assert: a test that
    /// switched a mechanism off expects the defect here.
    /// </summary>
    public async Task<Outcome> Settle(TimeSpan? stall = null)
    {
        var patience = stall ?? Stall;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (lowest, lowestAt) = (long.MaxValue, TimeSpan.Zero);
        Report? previous = null;
        var steady = 0;
        while (true)
        {
            var report = await Count();
            var queues = (await broker.Queues()).Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal)).ToList();
            var queued = queues.Sum(q => q.Total);
            steady = report.Lost == 0 && queued == 0 && report.ToString() == previous?.ToString() ? steady + 1 : 0;
            previous = report;
            var backlog = report.Lost + queued;
            if (backlog < lowest) (lowest, lowestAt) = (backlog, clock.Elapsed);
            var waiting = string.Join(", ", queues.Where(q => q.Total > 0));
            if (steady >= 2) return new Outcome(report, queued, waiting, true, clock.Elapsed);
            if (clock.Elapsed - lowestAt > patience || clock.Elapsed > Cap)
                return new Outcome(report, queued, waiting, false, clock.Elapsed);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }
    }

    /// <summary>
    /// <see cref="Settle"/>, then asserts the balance. <paramref name="opened"/>: cases the API confirmed; <paramref name="openedDirectly"/>:
    /// streams a scenario wrote past the API; <paramref name="poison"/>: messages sent malformed on purpose.
    /// </summary>
    public async Task<Report> Verify(IReadOnlyCollection<Guid> opened, IReadOnlyCollection<Guid> openedDirectly, int poison)
    {
        var outcome = await Settle();
        if (!outcome.Settled)
            throw new TimeoutException($"delivery stopped making progress ({Stall.TotalSeconds:0} s without a new low of lost + queued): " +
                $"{outcome}; lost cases: " + string.Join(", ", outcome.Report.Balances.SelectMany(b => b.Lost).Distinct().Take(10)));
        var previous = outcome.Report;
        previous.AppliedTwice.ShouldBe(0, $"applied twice: {previous}");
        previous.ErrorMessages.ShouldBe(poison, $"only the poison may be parked: {previous}");
        var cases = await CaseStreams();
        cases.Except(opened).Except(openedDirectly).ShouldBeEmpty("a case opened that no operator was told of (a retried request opened it twice?)");
        opened.Except(cases).ShouldBeEmpty("a case the API confirmed is missing");
        return previous;
    }

    public async Task<Report> Count()
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        var balances = new List<Balance>();
        foreach (var c in Crossings)
        {
            var sent = await Scalar(db, $"select count(*) from {c.Source}.mt_events where type = '{c.SourceEvent}'");
            var processed = await Scalar(db, $"select count(*) from {c.Target}.mt_doc_processedmessage where id like '{c.Consumer}/%' and data ->> 'MessageType' = '{c.Message}'");
            var applied = await Scalar(db, $"select count(*) from {c.Target}.mt_events where type = '{c.ResultEvent}'");
            // Lost: no inbox record of that very message, or no effect on the case.
            var lost = await Ids(db, $"""
                select e.stream_id from {c.Source}.mt_events e
                where e.type = '{c.SourceEvent}'
                  and (not exists (select 1 from {c.Target}.mt_doc_processedmessage p where p.id = '{c.Consumer}/' || e.id::text)
                    or not exists (select 1 from {c.Target}.mt_events r where r.stream_id = e.stream_id and r.type = '{c.ResultEvent}'))
                """);
            var twice = await Ids(db, $"select stream_id from {c.Target}.mt_events where type = '{c.ResultEvent}' group by stream_id having count(*) > 1");
            balances.Add(new Balance(c, sent, processed, applied, [.. lost.Except(damaged)], [.. twice.Except(damaged)]));
        }
        // Counted by reading them back: the management API's queue lengths are statistics refreshed every few seconds, so a
        // message parked just now can still show as 0 there. Nothing consumes an _error queue, so what it returns is all.
        long errors = 0;
        foreach (var queue in (await broker.Queues()).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)))
            errors += (await broker.Peek(queue.Name, 1000)).Count;
        var cases = await Scalar(db, "select count(*) from intake.mt_events where type = 'case_opened'");
        return new Report(balances, errors, cases);
    }

    private async Task<IReadOnlyList<Guid>> CaseStreams()
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        return await Ids(db, "select stream_id from intake.mt_events where type = 'case_opened'");
    }

    private static async Task<long> Scalar(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<IReadOnlyList<Guid>> Ids(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
