using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>Each service killed with SIGKILL at the moment a fault hook holds it, then started again.</summary>
public sealed class ServiceCrashTests(FaultSystem system) : Scenario(system)
{
    [Fact]
    public async Task Intake_killed_in_the_middle_of_relaying_a_page_resumes_from_its_stored_progress()
    {
        var markers = Arm("intake", RelayPaused);
        var before = await Applied("correspondence");
        await Operator.OpenCases(100);

        var paused = await Marker(markers, RelayPaused);
        var pageEnd = long.Parse(paused["page-end"]);
        // Some of the page reached the other side before the kill: the page was in flight, half delivered.
        await Eventually.True(async () => await Applied("correspondence") > before, "part of the page delivered");
        await System.Services.Kill("intake");

        (await RelayPosition("intake")).ShouldBeLessThan(pageEnd, "the kill landed before the page's progress was stored");
        await System.Services.Restart("intake");
        var report = await Conserved();
        (await RelayPosition("intake")).ShouldBeGreaterThanOrEqualTo(pageEnd);
        report.Lost.ShouldBe(0);
    }

    [Theory]
    [InlineData("correspondence")]
    [InlineData("reunification")]
    public async Task A_consumer_killed_after_its_work_but_before_its_inbox_commit_applies_the_message_once_after_restart(string service)
    {
        var markers = Arm(service, ConsumerPaused);
        await Operator.OpenCases(30);

        var paused = await Marker(markers, ConsumerPaused);
        var processedId = paused["processed-id"];
        await System.Services.Kill(service);

        (await Processed(service, processedId)).ShouldBe(0, "the kill landed before the inbox commit");
        await System.Services.Restart(service);
        await Conserved();
        (await Processed(service, processedId)).ShouldBe(1, "redelivered after the restart and recorded once");
    }

    private Task<long> Processed(string service, string id) =>
        Scalar($"select count(*) from {service}.mt_doc_processedmessage where id = '{id.Replace("'", "''")}'");
}
