using CaseFlow.Dashboard.CallingServices;
using CaseFlow.Intake.Api.V1;
using Grpc.Core;
using CorrespondenceStatistics = CaseFlow.Correspondence.Api.V1.CorrespondenceStatistics;
using ReunificationStatistics = CaseFlow.Reunification.Api.V1.ReunificationStatistics;

namespace CaseFlow.Dashboard.Reading;

/// <summary>One service's answer, or why there is none (the page shows the other services' figures meanwhile).</summary>
public sealed record Answer<T>(T? Value, string? Problem) where T : class
{
    public static async Task<Answer<T>> Of(Func<Task<T>> call)
    {
        try
        {
            return new(await call(), null);
        }
        catch (RpcException e)
        {
            return new(null, $"{e.StatusCode}: {e.Status.Detail}");
        }
        catch (HttpRequestException e)
        {
            return new(null, e.Message);
        }
    }
}

/// <summary>The statistics calls behind the pages: the services' aggregation APIs, nothing else.</summary>
public sealed class StatisticsReader(ServiceClients services)
{
    public async Task<Answer<CaseloadStatistics>> Caseload(Filter filter, CancellationToken ct) =>
        await Answer<CaseloadStatistics>.Of(async () =>
            await services.Intake.GetCaseloadStatisticsAsync(filter.ForStatistics(), await services.Options(ct)));

    public async Task<Answer<CorrespondenceStatistics>> Correspondence(Filter filter, CancellationToken ct) =>
        await Answer<CorrespondenceStatistics>.Of(async () =>
            await services.Correspondence.GetCorrespondenceStatisticsAsync(filter.ForStatistics(), await services.Options(ct)));

    public async Task<Answer<ReunificationStatistics>> Reunification(Filter filter, CancellationToken ct) =>
        await Answer<ReunificationStatistics>.Of(async () =>
            await services.Reunification.GetReunificationStatisticsAsync(filter.ForStatistics(), await services.Options(ct)));
}
