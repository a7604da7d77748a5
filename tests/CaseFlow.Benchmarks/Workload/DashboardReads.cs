using CaseFlow.Access;
using CaseFlow.Benchmarks.Harness;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reporting.V1;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.Testing.Processes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>
/// D1: the three statistics calls the dashboard makes for its pages, as the dashboard role, over every case of the run,
/// one after the other (as one page load does); beside the baseline of one of their GROUP BYs run raw on the reporting view.
/// </summary>
public sealed class DashboardReads(ServiceProcesses services, string signingKey, NpgsqlDataSource db, BenchInfrastructure infrastructure, Results results)
{
    public async Task Measure(int calls)
    {
        var auth = new Metadata { { "authorization", $"Bearer {DevelopmentTokens.Issue(signingKey, "bench-dashboard", CallerRoles.Dashboard, null, TimeSpan.FromHours(2))}" } };
        using var intake = GrpcChannel.ForAddress(services["intake"].Grpc);
        using var correspondence = GrpcChannel.ForAddress(services["correspondence"].Grpc);
        using var reunification = GrpcChannel.ForAddress(services["reunification"].Grpc);
        var caseload = new Intake.Api.V1.Intake.IntakeClient(intake);
        var letters = new Correspondence.Api.V1.Correspondence.CorrespondenceClient(correspondence);
        var files = new Reunification.Api.V1.Reunification.ReunificationClient(reunification);
        var cases = await caseload.GetCaseloadStatisticsAsync(new StatisticsFilter(), auth); // warm-up, and how many it counts

        var sql = await Latencies.Sequential(calls, async _ =>
        {
            await using var command = db.CreateCommand($"select province, count(*) from {infrastructure.Schema("intake")}_reporting.cases group by province order by province");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        });
        var caseloadCalls = await Latencies.Sequential(calls, async _ => await caseload.GetCaseloadStatisticsAsync(new StatisticsFilter(), auth));
        var correspondenceCalls = await Latencies.Sequential(calls, async _ => await letters.GetCorrespondenceStatisticsAsync(new StatisticsFilter(), auth));
        var reunificationCalls = await Latencies.Sequential(calls, async _ => await files.GetReunificationStatisticsAsync(new StatisticsFilter(), auth));

        results.Add("D1.sql.p50", "raw SELECT province, count(*) GROUP BY province on intake's reporting.cases view", sql.P50, "ms");
        foreach (var (id, what, latencies) in new[]
        {
            ("caseload", $"GetCaseloadStatistics (14 figures), dashboard role, all {cases.Cases.Count:N0} cases", caseloadCalls),
            ("correspondence", "GetCorrespondenceStatistics, all letters", correspondenceCalls),
            ("reunification", "GetReunificationStatistics, all files and flights", reunificationCalls),
        })
        {
            results.Add($"D1.{id}.p50", $"{what}: median", latencies.P50, "ms", "D1.sql.p50");
            results.Add($"D1.{id}.p99", $"{what}: 99th percentile", latencies.P99, "ms");
        }
    }
}
