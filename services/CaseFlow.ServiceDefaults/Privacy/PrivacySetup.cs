using CaseFlow.ServiceDefaults.Hosting;
using CaseFlow.ServiceDefaults.Privacy.Retention;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Privacy;

public static class PrivacySetup
{
    public const string EncryptSetting = "PersonalData:Encrypt";

    /// <summary>
    /// Crypto-shredding for a service's store: its subjects' keys (in <c>&lt;schema&gt;_keys</c>, or the database of
    /// <c>ConnectionStrings:PersonalDataKeys</c>), the cipher Marten's serializer seals with, and the listener that
    /// reads the keys before a commit is serialized. Returns the converter for the serializer.
    /// </summary>
    public static SealedJsonConverter AddPersonalDataProtection(this WebApplicationBuilder builder, string schema)
    {
        var config = builder.Configuration;
        var connectionString = config.GetConnectionString("PersonalDataKeys") ?? config.GetConnectionString("Postgres")!;
        var keysDatabase = NpgsqlDataSource.Create(EventStore.PooledConnections.Settings(connectionString, config).ConnectionString);
        var keys = new SubjectKeys(keysDatabase, config["PersonalData:KeySchema"] ?? $"{schema}_keys",
            KeyEncryptionKeys.FromConfiguration(config), TimeProvider.System);
        var cipher = new SubjectCipher(keys, config.GetValue(EncryptSetting, true));
        // Registered by factory so that the container disposes the keys' connection pool when the host stops.
        builder.Services.AddSingleton(_ => keys);
        builder.Services.AddSingleton(cipher);
        builder.Services.AddHostedService(services => new SubjectKeysUpkeep(services.GetRequiredService<SubjectKeys>(),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SubjectKeysUpkeep>>()));
        builder.Services.AddSingleton(BlindIndex.FromConfiguration(config));
        builder.Services.AddSingleton(RetentionPeriods.FromConfiguration(config));
        builder.Services.AddHostedService(services => new RetentionSweep(services.GetRequiredService<NpgsqlDataSource>(), schema,
            services.GetRequiredService<SubjectKeys>(), services.GetRequiredService<RetentionPeriods>(), TimeProvider.System,
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetentionSweep>>()));
        return new SealedJsonConverter(cipher);
    }

    /// <summary>The listener goes before the hash chain's: keys are read before anything is serialized.</summary>
    public static void SealPersonalData(this StoreOptions opts, SubjectKeys keys) => opts.Listeners.Insert(0, new SubjectKeysListener(keys));
}
