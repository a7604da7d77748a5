using CaseFlow.Intake.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CaseFlow.Correspondence.CaseData;

/// <summary>Intake's API, asked for a case's details on the caller's behalf (their token, their permissions).</summary>
public sealed class IntakeCases(IConfiguration configuration) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(configuration["Services:Intake:Grpc"] ?? "http://127.0.0.1:5101");

    public async Task<CaseDetails> Get(Guid caseId, string? authorization, CancellationToken ct)
    {
        var headers = new Metadata();
        if (!string.IsNullOrWhiteSpace(authorization)) headers.Add("authorization", authorization);
        try
        {
            return await new Intake.Api.V1.Intake.IntakeClient(channel)
                .GetCaseAsync(new GetCaseRequest { CaseId = caseId.ToString() }, headers, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new NotFound($"case {caseId} is not known to Intake");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            throw new Forbidden(e.Status.Detail);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Intake did not answer for the case's data: {e.Status.Detail}"));
        }
    }

    public void Dispose() => channel.Dispose();
}
