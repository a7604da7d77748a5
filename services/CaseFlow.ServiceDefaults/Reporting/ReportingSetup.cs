using System.Text.RegularExpressions;
using CaseFlow.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>Where a service's flat reporting tables live: beside its event store schema, readable by the reporting role.</summary>
/// <param name="Store">The event store schema (Marten's tables, personal data among them).</param>
/// <param name="Schema">The reporting schema: views and tables without personal data, for BI tools and the statistics calls.</param>
public sealed record ReportingNames(string Store, string Schema);

/// <summary>The statements that (re)create a service's reporting objects; run at every start, so they must be idempotent.</summary>
public interface IReportingObjects
{
    IEnumerable<string> Statements(ReportingNames names);
}

public static partial class ReportingSetup
{
    /// <summary>
    /// The service's reporting schema (<c>{store schema}_reporting</c> unless Reporting:Schema says otherwise), its objects, and
    /// the read-only login role BI tools use (Reporting:Role, default caseflow_reporting; created only when Reporting:Password
    /// is set), granted that schema and nothing else.
    /// </summary>
    public static void AddReporting<TObjects>(this WebApplicationBuilder builder, ServiceIdentity service)
        where TObjects : class, IReportingObjects
    {
        var store = builder.Configuration["EventStore:Schema"] ?? service.Name;
        var names = new ReportingNames(store, builder.Configuration["Reporting:Schema"] ?? $"{store}_reporting");
        builder.Services.AddSingleton(names);
        builder.Services.AddSingleton(ReportingCenters.From(builder.Configuration));
        builder.Services.AddSingleton<IReportingObjects, TObjects>();
        builder.Services.AddHostedService<ReportingSchemaUpkeep>();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    internal static partial Regex Identifier();
}

internal sealed class ReportingSchemaUpkeep(NpgsqlDataSource database, ReportingNames names, ReportingCenters centers, IReportingObjects objects,
    IConfiguration configuration, ILogger<ReportingSchemaUpkeep> log) : IHostedService
{
    // Roles and grants are shared by every service of the database cluster: concurrent starts would collide on them.
    private const long SetupLock = 0x6361_7365_666c_6f77;

    public async Task StartAsync(CancellationToken ct)
    {
        Check(names.Schema, "Reporting:Schema");
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Run(connection, $"select pg_advisory_xact_lock({SetupLock})", ct);
        await Run(connection, $"create schema if not exists {names.Schema}", ct);
        foreach (var statement in centers.Statements(names).Concat(objects.Statements(names))) await Run(connection, statement, ct);
        await GrantToReportingRole(connection, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task GrantToReportingRole(NpgsqlConnection connection, CancellationToken ct)
    {
        var role = configuration["Reporting:Role"] ?? "caseflow_reporting";
        var password = configuration["Reporting:Password"];
        if (string.IsNullOrEmpty(password))
        {
            log.LogInformation("Reporting:Password is not set: no reporting role; the reporting schema {Schema} is there for the service's own user", names.Schema);
            return;
        }
        Check(role, "Reporting:Role");
        var literal = "'" + password.Replace("'", "''") + "'";
        await Run(connection, $"""
            do $$ begin
              if not exists (select from pg_roles where rolname = '{role}') then
                create role {role} login nosuperuser nocreatedb nocreaterole noinherit noreplication password {literal};
              else
                alter role {role} login password {literal};
              end if;
            end $$
            """, ct);
        // BI tools' queries over the views that unnest jsonb arrays are misestimated a hundredfold, enough for PostgreSQL to
        // spend longer compiling them (JIT) than running them: see FigureQueries.
        await Run(connection, $"alter role {role} set jit = off", ct);
        await Run(connection, $"grant usage on schema {names.Schema} to {role}", ct);
        await Run(connection, $"grant select on all tables in schema {names.Schema} to {role}", ct);
    }

    private static void Check(string name, string setting)
    {
        if (!ReportingSetup.Identifier().IsMatch(name))
            throw new InvalidOperationException($"{setting} '{name}' must be a lower-case SQL identifier");
    }

    private static async Task Run(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
