using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Privacy;
using Npgsql;

namespace CaseFlow.IntegrationTests.Privacy;

/// <summary>A key table of one test class on the test server, with as many SubjectKeys instances on it as a test needs.</summary>
public sealed class KeyStore : IAsyncLifetime
{
    public static readonly string A = new('a', 32), B = new('b', 32);
    private readonly List<SubjectKeys> opened = [];

    public string Schema { get; } = "keys_t" + Guid.NewGuid().ToString("N")[..10];

    public NpgsqlDataSource Database { get; } = NpgsqlDataSource.Create(TestEnvironment.Postgres);

    public SubjectKeys Keys(string current = "a", bool withA = true, bool withB = false, TimeProvider? clock = null)
    {
        var secrets = new Dictionary<string, string>();
        if (withA) secrets["a"] = A;
        if (withB) secrets["b"] = B;
        var keys = new SubjectKeys(NpgsqlDataSource.Create(TestEnvironment.Postgres), Schema, new KeyEncryptionKeys(secrets, current), clock ?? TimeProvider.System);
        opened.Add(keys);
        return keys;
    }

    public async Task InitializeAsync() => await Keys().CreateTable(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await using (var drop = Database.CreateCommand($"drop schema if exists {Schema} cascade")) await drop.ExecuteNonQueryAsync();
        foreach (var keys in opened) keys.Dispose();
        await Database.DisposeAsync();
    }
}
