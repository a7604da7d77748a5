using CaseFlow.Access;
using CaseFlow.Intake.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using IntakeClient = CaseFlow.Intake.Api.V1.Intake.IntakeClient;

namespace CaseFlow.Benchmarks.Workload;

/// <summary>
/// A3: what operators do at their desks, not the cheapest command. Each client is an operator of one center (an operator
/// token naming it) who takes cases through the Intake part of the Kara-Suu story (tools/CaseFlow.Cli/Demo/KaraSuuStory.cs)
/// in its order and proportions: open, register the applicant, record the son, report the separation, hold a
/// consultation, record the consent, raise the vulnerability — each at the version the previous call returned,
/// with the story's personal data (sealed like any) — then the next case.
/// </summary>
public sealed class OperatorMix : IDisposable
{
    /// <summary>The story's Intake commands, in order; one case costs them all once.</summary>
    public static readonly string[] Commands =
        ["OpenCase", "RegisterApplicant", "RecordFamilyMember", "ReportFamilySeparation", "HoldConsultation", "GiveConsent", "RaiseVulnerability"];

    private readonly GrpcChannel[] channels;
    private readonly (IntakeClient Client, Metadata Auth, string Center)[] operators;
    private readonly (Guid Case, long Version, int Step)[] desks;
    private int openedCount;

    public OperatorMix(Uri grpc, string signingKey, int count)
    {
        channels = [.. Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(grpc))];
        operators = [.. channels.Select((channel, i) =>
        {
            var center = IntakeClients.Centers[i % IntakeClients.Centers.Length];
            var token = DevelopmentTokens.Issue(signingKey, $"bench-operator-{i}", CallerRoles.Operator, center, TimeSpan.FromHours(2));
            return (new IntakeClient(channel), new Metadata { { "authorization", $"Bearer {token}" } }, center);
        })];
        desks = new (Guid, long, int)[count];
    }

    public int Count => operators.Length;

    /// <summary>The worker's next command of its current case; after the last one it opens a new case.</summary>
    public async Task Next(int worker)
    {
        var (client, auth, center) = operators[worker];
        var (caseId, version, step) = desks[worker];
        var at = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5));
        if (step == 0)
        {
            var (newCase, newVersion) = await OpenCase(client, auth, center, at);
            desks[worker] = (newCase, newVersion, 1);
            return;
        }
        var id = caseId.ToString();
        var place = new Place { Country = "Russia", City = "Moscow" };
        long next = step switch
        {
            1 => (await client.RegisterApplicantAsync(new RegisterApplicantRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, Applicant = new ApplicantDetails
                {
                    FullName = $"Alima Bench {caseId:N}", BirthDate = "1988-02-11", Sex = "female", Citizenship = "Kyrgyzstan",
                    CurrentLocation = new Place { Country = "Kyrgyzstan", City = "Kara-Suu" }, LocationAbroad = place, MigrationStatus = "registration-expired",
                },
            }, auth)).Version,
            2 => (await client.RecordFamilyMemberAsync(new RecordFamilyMemberRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, Member = new FamilyMember
                {
                    MemberId = "son-1", Relationship = "son", FullName = "Aibek Bench", BirthDate = "2018-01-10", Location = place, Caregiver = "her sister",
                },
            }, auth)).Version,
            3 => (await client.ReportFamilySeparationAsync(new ReportFamilySeparationRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, MemberId = "son-1", Location = place,
                Caregiver = "her sister", SeparatedSince = "2020-03-16",
            }, auth)).Version,
            4 => (await client.HoldConsultationAsync(new HoldConsultationRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, Topic = "returning to Moscow",
                Advice = "borders are closed; we will ask the Russian consulate and embassy about entry", DurationMinutes = 45,
            }, auth)).Version,
            5 => (await client.GiveConsentAsync(new GiveConsentRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, AgencyKinds = { "consulate", "embassy", "ministry", "carrier" },
                Purpose = "return of the child to Kyrgyzstan", Note = "signed consent form",
            }, auth)).Version,
            _ => (await client.RaiseVulnerabilityAsync(new RaiseVulnerabilityRequest
            {
                CaseId = id, RequestId = NewId(), ExpectedVersion = version, OccurredAt = at, Kind = "caregiver-incapacitated", MemberId = "son-1",
                Note = "the sister broke both legs",
            }, auth)).Version,
        };
        desks[worker] = (caseId, next, (step + 1) % Commands.Length);
    }

    private async Task<(Guid Case, long Version)> OpenCase(IntakeClient client, Metadata auth, string center, Timestamp at)
    {
        var n = Interlocked.Increment(ref openedCount);
        var response = await client.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = NewId(), CenterId = center, Category = "family-separation", ApplicantName = $"Alima Bench {n}", Channel = "walk-in", OccurredAt = at,
        }, auth);
        return (Guid.Parse(response.CaseId), response.Version);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    public void Dispose()
    {
        foreach (var channel in channels) channel.Dispose();
    }
}
