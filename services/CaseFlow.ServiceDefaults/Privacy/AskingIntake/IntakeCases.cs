using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Privacy.AskingIntake;

/// <summary>
/// Intake's API, asked for a case's people on the caller's behalf (their token, their permissions): Intake is the one
/// home of names, documents and whereabouts, and its access log records the real user's read. A dashboard gets Intake's
/// redacted answer. Correspondence renders letters from it; Reunification shows names from it.
/// </summary>
public sealed class IntakeCases(IConfiguration configuration) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(configuration["Services:Intake:Grpc"] ?? "http://127.0.0.1:5101");

    /// <summary>The case as Intake shows it to the caller; null when Intake does not know it.</summary>
    public async Task<CaseDetails?> Find(Guid caseId, string? authorization, CancellationToken ct)
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
            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            throw new Forbidden(e.Status.Detail);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Intake did not answer for the case's people: {e.Status.Detail}"));
        }
    }

    /// <summary>The case, which must exist at Intake.</summary>
    public async Task<CaseDetails> Get(Guid caseId, string? authorization, CancellationToken ct) =>
        await Find(caseId, authorization, ct) ?? throw new NotFound($"case {caseId} is not known to Intake");

    /// <summary>
    /// Several cases at once (a manifest, a waitlist): a case the caller may not read at Intake (another center's) shows
    /// no names, as the call gate would clear them anyway.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CaseDetails>> FindAll(IEnumerable<Guid> caseIds, string? authorization, CancellationToken ct)
    {
        var found = new Dictionary<Guid, CaseDetails>();
        foreach (var caseId in caseIds.Distinct())
        {
            try
            {
                if (await Find(caseId, authorization, ct) is { } details) found[caseId] = details;
            }
            catch (Forbidden)
            {
                // Another center's case: its people stay unnamed for this caller.
            }
        }
        return found;
    }

    public void Dispose() => channel.Dispose();
}
