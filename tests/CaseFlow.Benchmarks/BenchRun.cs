using System.Diagnostics;
using CaseFlow.Benchmarks.Baselines;
using CaseFlow.Benchmarks.Harness;
using CaseFlow.Testing.Processes;
using CaseFlow.Benchmarks.Workload;
using CaseFlow.Intake.Api.V1;
using Npgsql;

namespace CaseFlow.Benchmarks;

/// <summary>
/// One run of every item, in an order where each starts from a quiet system: the baselines, then the API,
/// delivery, reads, the rebuild, and the memory the services reached on the way.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    /// <summary>The items measured again with personal data stored plain, to show what encryption costs.</summary>
    public static readonly string[] EncryptionCompared = ["A1", "P1", "H1"];
    public const string PlainSuffix = "plain";
    public static readonly KeyValuePair<string, string> EncryptionOff = new("PersonalData__Encrypt", "false");

    /// <summary>"" in the main run, ".plain" while the items are measured again without encryption (CPU phase names).</summary>
    private string variant = "";

    private PgStatements statements = null!;

    public Results Results { get; private set; } = new();

    public async Task<Results> Execute()
    {
        var size = options.Size;
        var started = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        await using var infrastructure = new BenchInfrastructure(options);
        await infrastructure.Prepare();
        await using var db = NpgsqlDataSource.Create(HarnessBackends.Named(options.Postgres));
        await using var harnessBackends = await HarnessBackends.Open(options.Postgres);
        statements = new PgStatements(db);
        await statements.Prepare();
        if (statements.Unavailable is { } why) Say($"statements per case: {why}");
        await using var services = BenchServices.Create(options, infrastructure);
        var measured = services;
        var cpu = new CpuMeter(() => measured.All.ToDictionary(s => s.Name, s => s.Pid), harnessBackends.Pids);

        Say("starting Intake, Correspondence and Reunification ...");
        await services.Start();
        Say($"services ready in {total.Elapsed.TotalSeconds:0.0} s");
        var delivery = new Delivery(db, infrastructure);
        using var clients = new IntakeClients(services["intake"].Grpc, services.SigningKey, size.ApiClients);

        var raw = new RawPostgres(db, infrastructure.BaselineSchema);
        await raw.Setup();
        var pipeline = new RawPipeline(db, infrastructure.BaselineSchema);
        await pipeline.Setup();
        var runs = new List<Results>();
        for (var run = 1; run <= options.Repeat; run++)
        {
            if (options.Repeat > 1) Say($"--- repetition {run} of {options.Repeat} ---");
            Results = new Results();
            statements.Run = run;
            await MeasureOnce(services, db, raw, pipeline, delivery, clients, infrastructure, cpu, size);
            runs.Add(Results);
        }
        Results = Results.Summary(runs);

        // --- what encryption costs --------------------------------------------------------------------
        if (EncryptionCompared.Any(options.Runs))
        {
            await services.DisposeAsync(); // the plain run gets the machine to itself, as the main run had
            await WithoutEncryption(db, cpu, plain => measured = plain, size);
        }
        await Report(started, total, cpu, db);
        return Results;
    }

    /// <summary>One repetition of the baselines and every item on the running services, into <see cref="Results"/>.</summary>
    private async Task MeasureOnce(ServiceProcesses services, NpgsqlDataSource db, RawPostgres raw, RawPipeline pipeline, Delivery delivery, IntakeClients clients,
        BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        // --- baselines ---------------------------------------------------------------------------------
        using (cpu.Measure("L1"))
        {
            Results.AddThroughput("L1.c1", "raw Npgsql, one jsonb row per transaction, 1 client", await raw.SingleRowTransactions(1, size.L1Duration), "ops/s");
            Results.AddThroughput("L1.c8", "raw Npgsql, one jsonb row per transaction, 8 clients", await raw.SingleRowTransactions(8, size.L1Duration), "ops/s");
        }
        using (cpu.Measure("L2"))
        {
            var l2 = await RawRabbitMq.PublishAndConsume(new UriBuilder(options.Amqp) { Path = "/" + Uri.EscapeDataString(options.VirtualHost) }.Uri, size.L2Messages);
            Results.Add("L2", "raw RabbitMQ.Client, confirmed publish + acked consume, 64 in flight", l2.PerSecond, "msgs/s");
            Results.Add("L2.p50", "raw RabbitMQ.Client: publish-to-consume median", l2.Latencies.P50, "ms");
            Results.Add("L2.p99", "raw RabbitMQ.Client: publish-to-consume 99th percentile", l2.Latencies.P99, "ms");
            var steady = await RawRabbitMq.PublishAndConsume(new UriBuilder(options.Amqp) { Path = "/" + Uri.EscapeDataString(options.VirtualHost) }.Uri,
                (int)(size.P1RatePerSecond * size.ApiDuration.TotalSeconds), perSecond: size.P1RatePerSecond);
            Results.Add("L2.steady.p50", $"raw RabbitMQ.Client at a steady {size.P1RatePerSecond} msgs/s: publish-to-consume median", steady.Latencies.P50, "ms");
            Results.Add("L2.steady.p99", $"raw RabbitMQ.Client at a steady {size.P1RatePerSecond} msgs/s: 99th percentile", steady.Latencies.P99, "ms");
        }
        using (cpu.Measure("L3"))
            Results.Add("L3", $"raw Npgsql binary COPY of {size.L3Rows:N0} event-sized rows", await raw.BinaryCopy(size.L3Rows), "rows/s");
        await RawCases(pipeline, cpu, size);

        // --- API --------------------------------------------------------------------------------------
        await WarmUp(clients, delivery, db, infrastructure, size);

        if (options.Runs("A1") || options.Runs("P2"))
        {
            await OpenCases(clients, db, infrastructure, cpu, size);
            await Consultations(clients, db, infrastructure, cpu, size);
        }
        if (options.Runs("A3")) await OperatorCommands(services, db, infrastructure, cpu, size);
        if (options.Runs("P1")) await SteadyDelivery(clients, delivery, db, infrastructure, cpu, size);
        if (options.Runs("P2")) await Burst(clients, delivery, cpu, size);
        if (options.Runs("P2") && options.Replicas > 1) await BurstOnTwoInstances(services, clients, delivery, db, infrastructure, size);

        // --- reads ------------------------------------------------------------------------------------
        await using var store = new IntakeStore(options.Postgres, infrastructure.Schema("intake"), services.SigningKey, options.ServiceEnvironment);
        if (options.Runs("Q1")) using (cpu.Measure("Q1")) await Listing(clients, store, db, size);
        if (options.Runs("H1")) using (cpu.Measure("H1")) await History(clients, store, db, infrastructure, size);
        if (options.Runs("D1")) using (cpu.Measure("D1")) await new DashboardReads(services, services.SigningKey, db, infrastructure, Results).Measure(size.D1Calls);
        if (options.Runs("D2")) using (cpu.Measure("D2"))
            await new DashboardOverview(services, db, infrastructure, Results).Measure(clients, delivery, size.D2Cases, size.D2Calls, size.DrainTimeout);
        if (options.Runs("R1")) await Rebuild(services, store, db, infrastructure, cpu, size);

        // --- memory -----------------------------------------------------------------------------------
        foreach (var service in services.All)
            Results.Add($"M1.{service.Name}", $"peak resident memory of {service.Name} (VmHWM)", service.PeakResidentMegabytes(), "MB",
                target: Target.AtMost(300));
    }

    /// <summary>
    /// A1, P1 and H1 again, on services restarted with PersonalData__Encrypt=false (values stored plain, only for this
    /// comparison) over fresh schemas and virtual host, so both runs start from an equally small store.
    /// </summary>
    private async Task WithoutEncryption(NpgsqlDataSource db, CpuMeter cpu, Action<ServiceProcesses> measuring, Sizes size)
    {
        var plain = options with
        {
            SchemaPrefix = $"{options.SchemaPrefix}{PlainSuffix}_",
            VirtualHost = $"{options.VirtualHost}-{PlainSuffix}",
            ServiceEnvironment = [.. options.ServiceEnvironment, EncryptionOff],
        };
        Say($"without encryption ({EncryptionOff.Key}={EncryptionOff.Value}): restarting the services on fresh schemas ...");
        await using var infrastructure = new BenchInfrastructure(plain);
        await infrastructure.Prepare();
        await using var services = BenchServices.Create(plain, infrastructure, $".{PlainSuffix}");
        await services.Start();
        measuring(services);
        var delivery = new Delivery(db, infrastructure);
        using var clients = new IntakeClients(services["intake"].Grpc, services.SigningKey, size.ApiClients);
        await WarmUp(clients, delivery, db, infrastructure, size);
        variant = $".{PlainSuffix}";
        using (Results.Compared(PlainSuffix))
        {
            if (options.Runs("A1")) await OpenCases(clients, db, infrastructure, cpu, size);
            if (options.Runs("P1")) await SteadyDelivery(clients, delivery, db, infrastructure, cpu, size);
            if (options.Runs("H1"))
            {
                await using var store = new IntakeStore(plain.Postgres, infrastructure.Schema("intake"), services.SigningKey, plain.ServiceEnvironment);
                using (cpu.Measure(Phase("H1"))) await History(clients, store, db, infrastructure, size);
            }
        }
        variant = "";
    }

    private string Phase(string item) => item + variant;

    private async Task WarmUp(IntakeClients clients, Delivery delivery, NpgsqlDataSource db, BenchInfrastructure infrastructure, Sizes size)
    {
        Say("warming up (JIT, pools, daemon) ...");
        await Throughput.Measure(clients.Count, size.WarmUp, w => clients.OpenCase(w));
        var probe = await clients.OpenCase(0);
        await delivery.WaitForArrivals([probe], TimeSpan.FromSeconds(60));
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
    }

    /// <summary>L4: the pipeline's own SQL per case, raw; what PostgreSQL alone spends on it.</summary>
    private async Task RawCases(RawPipeline pipeline, CpuMeter cpu, Sizes size)
    {
        Throughput l4;
        await statements.Reset();
        using (cpu.Measure("L4")) l4 = await pipeline.Cases(size.ApiClients, size.ApiDuration);
        Results.AddThroughput("L4", $"raw Npgsql: the SQL of one OpenCase and its two consumers, in their transactions, {size.ApiClients} clients", l4, "cases/s");
        var phase = cpu.Phases[^1];
        Results.Add("L4.pgcpu", "L4: PostgreSQL's CPU time per case for that SQL alone",
            phase.CoresByProcess.GetValueOrDefault(CpuMeter.HarnessPostgres) * phase.Seconds * 1000 / l4.Operations, "ms");
        // The services stay idle meanwhile; their daemons' polls are the only other statements counted.
        await CountStatements("L4", l4.Operations, "case");
    }

    private async Task OpenCases(IntakeClients clients, NpgsqlDataSource db, BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        Throughput a1;
        await statements.Reset();
        using (cpu.Measure(Phase("A1"))) a1 = await Throughput.Measure(clients.Count, size.ApiDuration, w => clients.OpenCase(w));
        Results.AddThroughput("A1", $"OpenCase via gRPC, {clients.Count} clients", a1, "ops/s", "L4", Target.AtLeastTimesBaseline(0.5),
            "L4", p99Target: Target.AtMost(100));
        Results.Add("A1.l1", "OpenCase via gRPC against one-row transactions", a1.PerSecond, "ops/s", "L1.c8");
        // Less noisy than the rate on a shared machine: what one call costs Intake, where the name is sealed.
        var phase = cpu.Phases[^1];
        Results.Add("A1.cpu", "OpenCase: Intake's CPU time per call during A1", phase.CoresByProcess.GetValueOrDefault("intake") * phase.Seconds * 1000 / a1.Operations, "ms");
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await CountStatements("A1", a1.Operations, "case");
    }

    private async Task Consultations(IntakeClients clients, NpgsqlDataSource db, BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, clients.Count).Select(w => clients.OpenCase(w)));
        var versions = new long[cases.Length];
        Array.Fill(versions, 1);
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await statements.Reset();
        Throughput a2;
        using (cpu.Measure("A2"))
            a2 = await Throughput.Measure(clients.Count, size.ApiDuration, async w => versions[w] = await clients.HoldConsultation(w, cases[w], versions[w]));
        Results.AddThroughput("A2", $"HoldConsultation with expectedVersion, {clients.Count} clients on distinct cases", a2, "ops/s", "L1.c8",
            latencyBaselineId: "L1.c8");
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await CountStatements("A2", a2.Operations, "consultation");
    }

    /// <summary>A3: operators (operator tokens, one center each) taking cases through the story's Intake commands.</summary>
    private async Task OperatorCommands(ServiceProcesses services, NpgsqlDataSource db, BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        using var operators = new OperatorMix(services["intake"].Grpc, services.SigningKey, size.ApiClients);
        await Throughput.Measure(operators.Count, size.WarmUp, operators.Next); // every command's first call (JIT) outside the window
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await statements.Reset();
        Throughput a3;
        using (cpu.Measure("A3")) a3 = await Throughput.Measure(operators.Count, size.ApiDuration, operators.Next);
        Results.AddThroughput("A3", $"operators' mix: the story's Intake commands in order ({string.Join(", ", OperatorMix.Commands)}), " +
            $"{operators.Count} operator clients", a3, "ops/s", "L4", latencyBaselineId: "L4");
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await CountStatements("A3", a3.Operations, "command");
    }

    private async Task SteadyDelivery(IntakeClients clients, Delivery delivery, NpgsqlDataSource db, BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        Say($"P1: {size.P1RatePerSecond} cases/s for {size.P1Duration.TotalSeconds:0} s ...");
        List<Guid> p1Ids;
        await statements.Reset();
        using (cpu.Measure(Phase("P1"))) p1Ids = await delivery.OpenAtSteadyRate(clients, size.P1RatePerSecond, size.P1Duration);
        var (p1, p1Correspondence) = await delivery.WaitForArrivals(p1Ids, size.DrainTimeout);
        var p1What = $"Intake commit -> Reunification stream committed, {size.P1RatePerSecond} cases/s";
        Results.Add("P1.p50", $"{p1What}: median", p1.Latencies.P50, "ms", "L2.steady.p50", Target.AtMost(50));
        Results.Add("P1.p99", $"{p1What}: 99th percentile", p1.Latencies.P99, "ms", "L2.steady.p99", Target.AtMost(250));
        Results.Add("P1.max", $"{p1What}: maximum", p1.Latencies.Max, "ms");
        Results.Add("P1.corr.p50", "same to Correspondence: median", p1Correspondence.Latencies.P50, "ms");
        Results.Add("P1.corr.p99", "same to Correspondence: 99th percentile", p1Correspondence.Latencies.P99, "ms");
        Results.Add("P1.lost", $"cases not delivered within {size.DrainTimeout.TotalSeconds:0} s", p1.Expected - p1.Arrived + p1Correspondence.Expected - p1Correspondence.Arrived, "cases",
            target: Target.AtMost(0));
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        await CountStatements("P1", p1Ids.Count, "case");
    }

    private async Task Burst(IntakeClients clients, Delivery delivery, CpuMeter cpu, Sizes size)
    {
        Say($"P2: burst of {size.P2Cases:N0} OpenCase ...");
        (List<Guid> Ids, double Seconds) burst;
        (Delivery.Arrivals Reunification, Delivery.Arrivals Correspondence) p2;
        await statements.Reset();
        using (cpu.Measure("P2"))
        {
            burst = await Delivery.OpenBurst(clients, size.P2Cases);
            p2 = await delivery.WaitForArrivals(burst.Ids, size.DrainTimeout);
        }
        var drained = p2.Reunification.Arrived == burst.Ids.Count && p2.Correspondence.Arrived == burst.Ids.Count;
        var drainSeconds = Math.Max(p2.Reunification.SpanSeconds, p2.Correspondence.SpanSeconds);
        Results.Add("P2.intake", $"burst of {size.P2Cases:N0} OpenCase, {clients.Count} clients: Intake rate", burst.Ids.Count / p2.Reunification.IntakeSpanSeconds, "ops/s", "A1");
        Results.Add("P2", $"burst of {size.P2Cases:N0} OpenCase: until every case is in both other services", drained ? burst.Ids.Count / drainSeconds : double.NaN,
            "cases/s", "A1", Target.AtLeastTimesBaseline(1));
        Results.Add("P2.l4", "burst drain rate against the same SQL done raw", drained ? burst.Ids.Count / drainSeconds : double.NaN, "cases/s", "L4");
        Results.Add("P2.keepup", "burst: drain rate against the Intake rate of the same burst", drained ? burst.Ids.Count / drainSeconds : double.NaN,
            "cases/s", "P2.intake", Target.AtLeastTimesBaseline(0.95));
        Results.Add("P2.lag.max", "burst: longest Intake -> Reunification delay", p2.Reunification.Latencies.Max, "ms");
        // What blocks the rate: CPU spent per case by every process of the pipeline, over the burst and its drain.
        var phase = cpu.Phases[^1];
        var pipeline = new[] { "intake", "correspondence", "reunification", "postgres", "rabbitmq" }
            .Sum(p => phase.CoresByProcess.GetValueOrDefault(p)) * phase.Seconds * 1000 / burst.Ids.Count;
        Results.Add("P2.cpu", "burst: CPU time per case, all services + PostgreSQL + RabbitMQ", pipeline, "ms");
        Results.Add("P2.ceiling", $"cases/s that CPU cost allows on {Environment.ProcessorCount} idle cores (cores / CPU per case)",
            Environment.ProcessorCount * 1000 / pipeline, "cases/s");
        await CountStatements("P2", burst.Ids.Count, "case");
    }

    /// <summary>
    /// P2's burst again with a second instance of each service beside the first (the consumers compete on the same queues;
    /// the daemon, and with it the relay, stays on whichever instance holds its lock): drain rate with two against one.
    /// </summary>
    private async Task BurstOnTwoInstances(ServiceProcesses first, IntakeClients clients, Delivery delivery, NpgsqlDataSource db,
        BenchInfrastructure infrastructure, Sizes size)
    {
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        Say("P2.replicas: starting a second instance of each service ...");
        await using var second = BenchServices.Create(options, infrastructure, ".replica-2", replicaOf: first);
        await second.Start();
        var burst = await Delivery.OpenBurst(clients, size.P2Cases);
        var p2 = await delivery.WaitForArrivals(burst.Ids, size.DrainTimeout);
        var drained = p2.Reunification.Arrived == burst.Ids.Count && p2.Correspondence.Arrived == burst.Ids.Count;
        var drainSeconds = Math.Max(p2.Reunification.SpanSeconds, p2.Correspondence.SpanSeconds);
        Results.Add("P2.replicas", $"P2's burst with 2 instances of each service: drain rate (ratio = against one instance, P2)",
            drained ? burst.Ids.Count / drainSeconds : double.NaN, "cases/s", "P2");
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
    }

    /// <summary>
    /// R1: the case snapshot rebuilt three times through Intake's admin API (inside the service, as an operator would),
    /// over R1's events appended interleaved on top of every case of the run; the median with min and max.
    /// </summary>
    private async Task Rebuild(ServiceProcesses services, IntakeStore store, NpgsqlDataSource db, BenchInfrastructure infrastructure, CpuMeter cpu, Sizes size)
    {
        Say($"R1: appending {size.R1Events:N0} events, interleaved ...");
        await store.AppendCasesInterleaved(size.R1Events);
        await WaitQuiet(db, infrastructure, size.DrainTimeout);
        var events = await store.EventCount();
        await statements.Reset();
        Say($"R1: rebuilding the case snapshot over {events:N0} events, 3 times ...");
        var rates = new List<double>();
        for (var run = 1; run <= 3; run++)
            using (cpu.Measure(run == 1 ? Phase("R1") : Phase($"R1.{run}")))
                rates.Add(events / await AdminRebuild.Run(services["intake"].Grpc, services.SigningKey, "Case"));
        rates.Sort();
        Results.Add("R1", $"rebuild of the Case snapshot through the admin API over {events:N0} interleaved events: median of 3",
            rates[1], "events/s", "L3", Target.AtLeastTimesBaseline(0.25));
        Results.Add("R1.min", "R1: slowest of the 3 rebuilds", rates[0], "events/s", "L3");
        Results.Add("R1.max", "R1: fastest of the 3 rebuilds", rates[2], "events/s", "L3");
        await CountStatements("R1", events * 3, "event");
    }

    /// <summary>What the item asked of PostgreSQL since the last reset, per operation (nothing when pg_stat_statements is not loaded).</summary>
    private async Task CountStatements(string item, long operations, string per)
    {
        if (await statements.Read(Phase(item), operations, per) is not { } read) return;
        Results.Add($"{item}.stmts", $"{item}: statements per {per}, every service (pg_stat_statements, harness excluded)", read.StatementsPerOperation, "stmts");
        Results.Add($"{item}.pgtime", $"{item}: PostgreSQL execution + planning time per {per}", read.MsPerOperation, "ms");
    }

    private async Task Report(DateTimeOffset started, Stopwatch total, CpuMeter cpu, NpgsqlDataSource db)
    {
        var size = options.Size;
        var columns = new[] { "intake", "correspondence", "reunification", "postgres", CpuMeter.HarnessPostgres, "rabbitmq", "bench", "other" };
        var table = Results.Table();
        var cpuTable = cpu.Table(columns);
        var settings = await ServerSettings(db);
        Console.WriteLine();
        Console.WriteLine($"CaseFlow bench{(options.Quick ? " --quick" : "")}, {Environment.ProcessorCount} cores, {started:yyyy-MM-dd HH:mm} UTC, {total.Elapsed.TotalSeconds:0} s");
        Console.WriteLine($"PostgreSQL: {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))}");
        Console.WriteLine(table);
        if (Results.Comparisons(PlainSuffix).Any())
            Console.WriteLine($"*.{PlainSuffix}: the item again with personal data stored plain ({EncryptionOff.Key}={EncryptionOff.Value}); " +
                "its baseline is the encrypted figure, ratio = encrypted / plain (> 1 for a latency, < 1 for a rate: what encryption costs).\n");
        Console.WriteLine("What PostgreSQL did per operation (pg_stat_statements; the relay's and consumers' statements count with the calls that caused them):");
        Console.WriteLine(statements.Table());
        Console.WriteLine($"CPU by phase (cores busy; 'postgres'/'rabbitmq' = all processes of those servers, other users included, " +
            $"except the backends of the harness's own connections, '{CpuMeter.HarnessPostgres}'):");
        Console.WriteLine(cpuTable);
        await Results.Write(options.OutputPath, new
        {
            startedAt = started,
            quick = options.Quick,
            cores = Environment.ProcessorCount,
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            runtime = Environment.Version.ToString(),
            seconds = Math.Round(total.Elapsed.TotalSeconds),
            sizes = size,
            serviceEnvironment = options.ServiceEnvironment.ToDictionary(p => p.Key, p => p.Value),
            encryption = new
            {
                compared = $"{EncryptionOff.Key}={EncryptionOff.Value}",
                ratio = "encrypted / plain",
                items = Results.Comparisons(PlainSuffix),
            },
            postgres = settings,
            statements = new { measured = statements.Unavailable ?? "yes", top = PgStatements.TopCount, items = statements.Items },
            cpu = cpu.Phases,
            table,
            cpuTable,
        });
        Say($"wrote {options.OutputPath}");
    }

    /// <summary>The settings that decide what a commit costs, as the server reports them.</summary>
    private static async Task<Dictionary<string, string>> ServerSettings(NpgsqlDataSource db)
    {
        var settings = new Dictionary<string, string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers",
                     "max_connections", "shared_preload_libraries" })
        {
            await using var command = db.CreateCommand($"{PgStatements.Tag}show {name}");
            settings[name] = (string)(await command.ExecuteScalarAsync())!;
        }
        return settings;
    }

    private async Task Listing(IntakeClients clients, IntakeStore store, NpgsqlDataSource db, Sizes size)
    {
        var caseCount = await Scalar(db, $"select count(*) from {options.SchemaPrefix}intake.mt_doc_case");
        var token = "";
        var center = 0;
        await statements.Reset();
        var q1 = await Latencies.Sequential(size.Q1Calls, async i =>
        {
            var page = await clients[0].ListCasesAsync(IntakeStore.Page(IntakeClients.Centers[center], token), clients.Auth);
            token = page.NextPageToken;
            if (token.Length == 0 || i % 5 == 4) { token = ""; center = (center + 1) % IntakeClients.Centers.Length; }
        });
        await CountStatements("Q1", size.Q1Calls, "page");
        var sql = await Latencies.Sequential(size.Q1Calls, async i =>
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var command = store.ListCasesSql(IntakeClients.Centers[i % IntakeClients.Centers.Length]);
            command.Connection = connection;
            command.CommandText = PgStatements.Tag + command.CommandText;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        });
        Results.Add("Q1.sql.p50", "ListCases' SQL run raw (first page, one center, open)", sql.P50, "ms");
        Results.Add("Q1.p50", $"ListCases via gRPC, center + status filter, pages of 50, over {caseCount:N0} cases: median", q1.P50, "ms",
            "Q1.sql.p50", Target.AtMost(20));
        Results.Add("Q1.p99", "ListCases: 99th percentile", q1.P99, "ms");
    }

    private async Task History(IntakeClients clients, IntakeStore store, NpgsqlDataSource db, BenchInfrastructure infrastructure, Sizes size)
    {
        var id = await store.CaseWithEvents(size.H1Events);
        var middle = await store.EventAt(id, size.H1Events / 2);
        await statements.Reset();
        var rawRead = await Latencies.Sequential(size.H1Calls, async call =>
        {
            await using var command = db.CreateCommand(
                $"{PgStatements.Tag}select seq_id, version, type, timestamp, data from {infrastructure.Schema("intake")}.mt_events where stream_id = $1 order by version");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) _ = reader.GetString(4);
        });
        Results.Add("H1.raw.p50", $"raw SELECT of the {size.H1Events:N0} events of one stream", rawRead.P50, "ms");
        var audit = clients.Audit;
        var history = await Latencies.Sequential(size.H1Calls, async _ =>
            await audit.GetCaseHistoryAsync(new CaseFlow.Audit.Api.V1.GetCaseHistoryRequest { CaseId = id.ToString() }, clients.AuditorAuth));
        Results.Add("H1.history.p50", $"history: GetCaseHistory (gRPC) of a {size.H1Events:N0}-event case, every event with its data: median", history.P50, "ms",
            "H1.raw.p50", Target.AtMost(20));
        Results.Add("H1.history.p99", "history: GetCaseHistory: 99th percentile", history.P99, "ms");
        var byVersion = await Latencies.Sequential(size.H1Calls, async _ =>
            await audit.GetCaseStateAtAsync(new CaseFlow.Audit.Api.V1.GetCaseStateAtRequest { CaseId = id.ToString(), Version = middle.Version }, clients.AuditorAuth));
        Results.Add("H1.asof.p50", $"state as of version {middle.Version}: GetCaseStateAt (gRPC): median", byVersion.P50, "ms",
            "H1.raw.p50", Target.AtMost(20));
        Results.Add("H1.asof.p99", "state as of version: 99th percentile", byVersion.P99, "ms");
        var byTime = await Latencies.Sequential(size.H1Calls, async _ =>
            await audit.GetCaseStateAtAsync(new CaseFlow.Audit.Api.V1.GetCaseStateAtRequest
            {
                CaseId = id.ToString(), KnownAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(middle.Timestamp),
            }, clients.AuditorAuth));
        Results.Add("H1.asoft.p50", "state as known at a record time: GetCaseStateAt (gRPC): median", byTime.P50, "ms",
            "H1.raw.p50", Target.AtMost(20));
        Results.Add("H1.asoft.p99", "state as known at a record time: 99th percentile", byTime.P99, "ms");
        await CountStatements("H1", 3L * size.H1Calls, "read");
    }

    /// <summary>Waits until both other services hold a stream for every Intake case, so one item's backlog never slows the next.</summary>
    private async Task WaitQuiet(NpgsqlDataSource db, BenchInfrastructure infrastructure, TimeSpan timeout)
    {
        // Cases only: Intake also keeps streams no other service mirrors (the access log of the auditor's reads in H1).
        var missing = $"""
            select count(*) from {infrastructure.Schema("intake")}.mt_streams i where i.type = 'case' and (
                not exists (select 1 from {infrastructure.Schema("reunification")}.mt_streams r where r.id = i.id)
                or not exists (select 1 from {infrastructure.Schema("correspondence")}.mt_streams c where c.id = i.id))
            """;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await Scalar(db, missing) == 0) return;
            await Task.Delay(100);
        }
        Say($"warning: the other services did not catch up with Intake within {timeout.TotalSeconds:0} s");
    }

    private static async Task<long> Scalar(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(PgStatements.Tag + sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Say(string message) => Console.Error.WriteLine($"bench: {message}");
}
