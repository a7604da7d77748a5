using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace CaseFlow.Benchmarks.Harness;

/// <summary>
/// The bench's own database, schemas and RabbitMQ virtual host, so it never touches the data of
/// <c>./caseflow run</c> or of the tests. Every run starts from empty schemas.
/// </summary>
public sealed class BenchInfrastructure(BenchOptions options) : IAsyncDisposable
{
    public static readonly string[] ServiceNames = ["intake", "correspondence", "reunification"];
    public const string BaselineSchemaName = "baseline";

    private readonly HttpClient management = ManagementClient(options);

    public string Schema(string service) => options.SchemaPrefix + service;
    public string BaselineSchema => options.SchemaPrefix + BaselineSchemaName;
    public Uri ServiceAmqp => new UriBuilder(options.Amqp) { Path = "/" + Uri.EscapeDataString(options.VirtualHost) }.Uri;

    public async Task Prepare()
    {
        await CreateDatabaseIfMissing();
        await DropSchemas();
        await using (var db = new NpgsqlConnection(options.Postgres))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand($"create schema {BaselineSchema}", db);
            await create.ExecuteNonQueryAsync();
        }
        var vhost = Uri.EscapeDataString(options.VirtualHost);
        await management.DeleteAsync($"/api/vhosts/{vhost}"); // a clean broker too: no queues left by an aborted run
        (await management.PutAsync($"/api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(options.Amqp.UserInfo.Split(':')[0]);
        var all = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await management.PutAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", all)).EnsureSuccessStatusCode();
    }

    public async Task DropSchemas()
    {
        await using var db = new NpgsqlConnection(options.Postgres);
        await db.OpenAsync();
        // <schema>_keys: the subjects' data keys each service keeps beside its store.
        foreach (var schema in ServiceNames.Select(Schema).SelectMany(s => new[] { s, s + "_keys" }).Append(BaselineSchema))
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", db);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task CreateDatabaseIfMissing()
    {
        var target = new NpgsqlConnectionStringBuilder(options.Postgres);
        var admin = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = "postgres", Pooling = false };
        await using var db = new NpgsqlConnection(admin.ConnectionString);
        await db.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", db);
        exists.Parameters.AddWithValue(target.Database!);
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = new NpgsqlCommand($"create database \"{target.Database}\"", db);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!options.KeepData)
            {
                await DropSchemas();
                await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(options.VirtualHost)}");
            }
        }
        catch (Exception e) when (e is NpgsqlException or HttpRequestException)
        {
            Console.Error.WriteLine($"bench: warning: cleaning up failed: {e.Message}");
        }
        management.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    private static HttpClient ManagementClient(BenchOptions options)
    {
        var client = new HttpClient { BaseAddress = options.Management, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(options.Amqp.UserInfo))));
        return client;
    }
}
