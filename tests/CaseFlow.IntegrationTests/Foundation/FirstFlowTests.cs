using System.Collections.Concurrent;
using System.Diagnostics;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.Reunification.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>A case opened at Intake reaches Correspondence and Reunification, through JSON and through gRPC.</summary>
public sealed class FirstFlowTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task A_case_opened_over_json_gets_a_file_in_both_other_services()
    {
        var token = system.Token();
        var opened = await system.Intake.Json(token).OpenCase(IntakeCalls.NewCase());
        var caseId = opened.Str("caseId");
        opened.Str("version").ShouldBe("1");

        var details = await system.Intake.Json(token).Find($"/v1/cases/{caseId}");
        details.ShouldNotBeNull();
        details.Str("centerId").ShouldBe("kara-suu");
        details.Str("applicantName").ShouldBe("Alima");
        details.Str("status").ShouldBe("open");
        details.Str("openedAt").ShouldBe("2020-04-02T09:00:00Z");

        var correspondence = await Eventually.Get(
            () => system.Correspondence.Json(token).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        correspondence.Str("centerId").ShouldBe("kara-suu");
        correspondence.Str("openedAt").ShouldBe("2020-04-02T09:00:00Z");

        var reunification = await Eventually.Get(
            () => system.Reunification.Json(token).Find($"/v1/cases/{caseId}/reunification"), "the reunification file");
        reunification.Str("centerId").ShouldBe("kara-suu");
    }

    [Fact]
    public async Task A_case_opened_over_grpc_gets_a_file_in_both_other_services()
    {
        var auth = RunningService.Bearer(system.Token(center: "batken"));
        var intake = new IntakeClient(system.Intake.Grpc);
        var opened = await intake.OpenCaseAsync(new OpenCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            CenterId = "batken",
            Category = "stranded-abroad",
            ApplicantName = "Bakyt",
            Channel = "phone",
            OccurredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 5, 1, 10, 0, 0, TimeSpan.Zero)),
        }, auth);
        opened.Version.ShouldBe(1);

        var details = await intake.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, auth);
        details.Channel.ShouldBe("phone");
        details.Category.ShouldBe("stranded-abroad");

        var correspondence = new CorrespondenceClient(system.Correspondence.Grpc);
        var reunification = new ReunificationClient(system.Reunification.Grpc);
        var file = await Eventually.Get(async () => await OrNull(() =>
            correspondence.GetCorrespondenceAsync(new GetCorrespondenceRequest { CaseId = opened.CaseId }, auth).ResponseAsync),
            "the correspondence file");
        file.CenterId.ShouldBe("batken");
        var reunionFile = await Eventually.Get(async () => await OrNull(() =>
            reunification.GetReunificationAsync(new GetReunificationRequest { CaseId = opened.CaseId }, auth).ResponseAsync),
            "the reunification file");
        reunionFile.Stage.ShouldBe("no-separation-reported");
    }

    [Fact]
    public async Task One_trace_spans_the_intake_call_and_both_consumers()
    {
        var handled = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CaseFlow",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = handled.Add,
        };
        ActivitySource.AddActivityListener(listener);

        // The caller's own span: HttpClient sends its trace context to Intake as a traceparent header.
        using var caller = new Activity("operator opens a case").Start();
        var traceId = caller.TraceId;
        await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase());
        caller.Stop();

        await Eventually.True(() => Task.FromResult(
                handled.Any(a => a.TraceId == traceId && Service(a) == "correspondence") &&
                handled.Any(a => a.TraceId == traceId && Service(a) == "reunification")),
            "both consumers to handle the case in the caller's trace");
        handled.ShouldContain(a => a.TraceId == traceId && a.OperationName == "relay CaseOpened");
    }

    [Fact]
    public async Task The_callers_trace_id_correlates_every_services_events_of_the_case()
    {
        using var caller = new Activity("operator opens a case").Start();
        var traceId = caller.TraceId.ToHexString();
        var caseId = (await system.Intake.Json(system.Token()).OpenCase(IntakeCalls.NewCase())).Str("caseId");
        caller.Stop();

        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid and correlation_id = $2", caseId, traceId)).ShouldBe(1);
        foreach (var (service, name) in new[] { (system.Correspondence, "Correspondence"), (system.Reunification, "Reunification") })
            await Eventually.True(async () => await system.Count(service, "mt_events", "stream_id = $1::uuid", caseId) > 0, $"{name}'s file");
        (await system.Count(system.Correspondence, "mt_events", "stream_id = $1::uuid and correlation_id is distinct from $2", caseId, traceId)).ShouldBe(0);
        (await system.Count(system.Reunification, "mt_events", "stream_id = $1::uuid and correlation_id is distinct from $2", caseId, traceId)).ShouldBe(0);
    }

    private static string? Service(Activity activity) => activity.GetTagItem("caseflow.service") as string;

    private static async Task<T?> OrNull<T>(Func<Task<T>> call) where T : class
    {
        try { return await call(); }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound) { return null; }
    }
}
