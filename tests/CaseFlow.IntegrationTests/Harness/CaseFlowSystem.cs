using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CaseFlow.Access;
using CaseFlow.Correspondence;
using CaseFlow.Intake;
using CaseFlow.Reunification;
using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace CaseFlow.IntegrationTests.Harness;

/// <summary>
/// The three services of one test class, in this process, on their own schemas and RabbitMQ virtual host,
/// so test classes run in parallel and never touch the data of a running <c>./caseflow run</c>.
/// </summary>
public class CaseFlowSystem : IAsyncLifetime
{
    private readonly List<RunningService> services = [];
    private RabbitVirtualHost? virtualHost;

    public string Id { get; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public RunningService Intake { get; private set; } = null!;
    public RunningService Correspondence { get; private set; } = null!;
    public RunningService Reunification { get; private set; } = null!;
    public Uri BrokerUri => virtualHost!.AmqpUri;
    public RabbitVirtualHost VirtualHost => virtualHost!;

    public string Schema(RunningService service) => $"{service.Name}_{Id}";

    /// <summary>The service's flat reporting tables (ServiceDefaults/Reporting), for BI tools.</summary>
    public string ReportingSchema(RunningService service) => $"{Schema(service)}_reporting";

    /// <summary>
    /// The read-only role BI tools log in with, shared by every test class (roles belong to the whole server) and apart
    /// from the one ./caseflow creates, so tests never change its password.
    /// </summary>
    public const string ReportingRole = "caseflow_reporting_test";
    public const string ReportingPassword = "reporting-test-only";

    public string Token(string role = Caller.Operator, string? center = "kara-suu", string user = "lawyer-aigul") =>
        DevelopmentTokens.Issue(SigningKey, user, role, center, TimeSpan.FromHours(1));

    /// <summary>The three services' JSON APIs, called with one token.</summary>
    public CaseFlowApis Apis(string token) => CaseFlowApis.At(Intake.HttpAddress, Correspondence.HttpAddress, Reunification.HttpAddress, token);

    public virtual async Task InitializeAsync()
    {
        var (amqp, management) = await ProvideBroker();
        virtualHost = await RabbitVirtualHost.Create(management, amqp, $"caseflow-{Id}");
        Intake = await Start(IntakeService.Identity, IntakeService.Build);
        Correspondence = await Start(CorrespondenceService.Identity, CorrespondenceService.Build, IntakeAddress);
        Reunification = await Start(ReunificationService.Identity, ReunificationService.Build, IntakeAddress);
    }

    protected virtual Task<(Uri Amqp, Uri Management)> ProvideBroker() =>
        Task.FromResult((TestEnvironment.RabbitMq, TestEnvironment.RabbitMqManagement));

    /// <summary>Where Correspondence and Reunification find Intake's API (the case's people, for letters and manifests).</summary>
    protected string IntakeAddress => $"--Services:Intake:Grpc={Intake.GrpcAddress}";

    /// <summary>Tests call far faster than people do: the per-user rate limit is high here, and tested on its own.</summary>
    protected virtual int PermitsPerSecond => 100_000;

    /// <summary>Settings of a test class over the harness's own (the last value of a key wins).</summary>
    protected virtual string[] Settings(ServiceIdentity identity) => [];

    /// <summary>Lets a test class replace services of one service (e.g. its clock) before it is built.</summary>
    protected virtual Action<WebApplicationBuilder>? Customize(ServiceIdentity identity) => null;

    /// <summary>Starts a service of this system; started again, it is another instance on the same schema and virtual host.</summary>
    protected async Task<RunningService> Start(ServiceIdentity identity,
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, params string[] extraArgs)
    {
        // A port found free can be taken before the service binds it (other test hosts start meanwhile): try others.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOn(FreePortPair(), identity, build, extraArgs);
            }
            catch (IOException e) when (attempt < 5 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)) { }
        }
    }

    private async Task<RunningService> StartOn((int Http, int Grpc) ports, ServiceIdentity identity,
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, string[] extraArgs)
    {
        var (http, grpc) = ports;
        string[] args =
        [
            // Many hosts share one test server: small pools, closed when a class is done.
            $"--ConnectionStrings:Postgres={TestEnvironment.Postgres};Maximum Pool Size=15",
            $"--ConnectionStrings:RabbitMq={virtualHost!.AmqpUri}",
            $"--EventStore:Schema={identity.Name}_{Id}",
            "--EventStore:DaemonMode=Solo",
            $"--Ports:Http={http}",
            $"--Ports:Grpc={grpc}",
            $"--Auth:SigningKey={SigningKey}",
            "--environment=Development", // the development signing key is refused anywhere else
            $"--Limits:PermitsPerSecond={PermitsPerSecond}",
            $"--Limits:Burst={PermitsPerSecond}",
            $"--Reporting:Role={ReportingRole}",
            $"--Reporting:Password={ReportingPassword}",
            $"--Logging:LogLevel:Default={Environment.GetEnvironmentVariable("CASEFLOW_TEST_LOGLEVEL") ?? "Warning"}",
            .. extraArgs,
            .. Settings(identity),
        ];
        var app = build(args, Customize(identity));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var service = new RunningService(identity.Name, app, http, grpc);
        services.Add(service);
        // Ready means PostgreSQL answers and the bus has declared its queues: a message published before that is lost.
        using var probe = service.Json(token: null);
        await Eventually.True(async () => (await probe.Get("/health/ready")).Succeeded, $"{identity.Name} to be ready");
        return service;
    }

    /// <summary>Rows of a table in a service's schema, to check what was (not) appended.</summary>
    /// <summary>Every document and flat row of the service's schema, as JSON, in a stable order: what a rebuild must reproduce.</summary>
    public async Task<string> Documents(RunningService service)
    {
        var schema = Schema(service);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand($"select table_name from information_schema.tables where table_schema = '{schema}' and table_type = 'BASE TABLE' and table_name not like 'mt_event%' and table_name not like 'mt_streams' and table_name not in ('mt_doc_handledrequest', 'mt_doc_processedmessage', 'mt_doc_auditorread') order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var all = new JsonObject();
        foreach (var table in tables)
        {
            var hasData = table.StartsWith("mt_doc_", StringComparison.Ordinal);
            await using var rows = new NpgsqlCommand(hasData
                ? $"select coalesce(jsonb_agg(data order by id::text), '[]'::jsonb)::text from {schema}.{table}"
                : $"select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]'::jsonb)::text from {schema}.{table} t", connection);
            all[table] = JsonNode.Parse((string)(await rows.ExecuteScalarAsync())!);
        }
        return all.ToJsonString();
    }

    public async Task<long> Count(RunningService service, string table, string where = "true", params object[] values)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {Schema(service)}.{table} where {where}", connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var service in services) await service.DisposeAsync();
        await using (var connection = new NpgsqlConnection(TestEnvironment.Postgres))
        {
            await connection.OpenAsync();
            foreach (var service in services)
            {
                // The service's events, and the people's keys kept apart from them (Privacy/SubjectKeys).
                await using var drop = new NpgsqlCommand(
                    $"drop schema if exists {Schema(service)} cascade; drop schema if exists {Schema(service)}_keys cascade; drop schema if exists {ReportingSchema(service)} cascade", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        if (virtualHost is not null) await virtualHost.DisposeAsync();
    }

    /// <summary>
    /// A free port below Linux's range for outgoing connections (32768–60999), so no client connection can hold it
    /// between this check and the bind; the range above the project's fixed ports and the private brokers' (17000+).
    /// </summary>
    private static (int, int) FreePortPair()
    {
        var first = FreePort();
        while (true)
            if (FreePort() is var second && second != first) return (first, second);
    }

    protected static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { }
        }
    }
}
