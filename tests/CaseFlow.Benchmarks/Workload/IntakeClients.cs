using CaseFlow.Intake.Api.V1;
using CaseFlow.Access;
using Grpc.Core;
using Grpc.Net.Client;
using IntakeClient = CaseFlow.Intake.Api.V1.Intake.IntakeClient;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>N independent gRPC clients of Intake (one HTTP/2 connection each), authenticated like any caller.</summary>
public sealed class IntakeClients : IDisposable
{
    public static readonly string[] Centers = ["kara-suu", "osh", "uzgen", "nookat", "batken", "kyzyl-kiya", "isfana", "jalal-abad", "bazar-korgon"];
    public static readonly string[] Categories = ["family-separation", "stranded-abroad", "documents", "labour-rights", "entry-ban", "social-support", "other"];

    private readonly GrpcChannel[] channels;
    private readonly IntakeClient[] clients;
    private int opened;

    public IntakeClients(Uri grpc, string signingKey, int count)
    {
        var token = DevelopmentTokens.Issue(signingKey, "bench-supervisor", CallerRoles.Supervisor, null, TimeSpan.FromHours(2));
        Auth = new Metadata { { "authorization", $"Bearer {token}" } };
        var auditor = DevelopmentTokens.Issue(signingKey, "bench-auditor", CallerRoles.Auditor, null, TimeSpan.FromHours(2));
        AuditorAuth = new Metadata { { "authorization", $"Bearer {auditor}" }, { "x-caseflow-purpose", "bench: audit of a case's history" } };
        channels = [.. Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(grpc))];
        clients = [.. channels.Select(c => new IntakeClient(c))];
    }

    public Metadata Auth { get; }
    /// <summary>An auditor's token and stated purpose: the audit API records every read of personal data it serves them, as in real use.</summary>
    public Metadata AuditorAuth { get; }
    /// <summary>The audit API (history, state as of) of the same service.</summary>
    public CaseFlow.Audit.Api.V1.CaseAudit.CaseAuditClient Audit => new(channels[0]);
    public int Count => clients.Length;
    public IntakeClient this[int worker] => clients[worker % clients.Length];

    /// <summary>A new case as an operator would open it, spread over the centers and categories; returns its id.</summary>
    public async Task<Guid> OpenCase(int worker)
    {
        var n = Interlocked.Increment(ref opened);
        var response = await this[worker].OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            CenterId = Centers[n % Centers.Length],
            Category = Categories[n / Centers.Length % Categories.Length],
            ApplicantName = $"Bench Applicant {n}",
        }, Auth);
        return Guid.Parse(response.CaseId);
    }

    public async Task<long> HoldConsultation(int worker, Guid caseId, long expectedVersion)
    {
        var response = await this[worker].HoldConsultationAsync(new HoldConsultationRequest
        {
            CaseId = caseId.ToString(),
            RequestId = Guid.NewGuid().ToString(),
            ExpectedVersion = expectedVersion,
            Topic = "migration registration",
            Advice = "renew the registration at the consulate; keep the receipt",
            DurationMinutes = 30,
        }, Auth);
        return response.Version;
    }

    public void Dispose()
    {
        foreach (var channel in channels) channel.Dispose();
    }
}
