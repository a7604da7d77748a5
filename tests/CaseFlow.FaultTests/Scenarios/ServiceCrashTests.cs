using CaseFlow.FaultTests.Harness;

namespace CaseFlow.FaultTests.Scenarios;

/// <summary>Each service killed with SIGKILL at the moment a fault hook holds it, then started again.</summary>
public sealed class ServiceCrashTests(FaultSystem system) : Scenario(system)
{
    /// <summary>Intake relays CaseOpened (seen arriving at Correspondence); Reunification relays ReunificationCancelled
    /// and Correspondence relays LetterSent (each seen noted by Intake).</summary>
    [Theory]
    [InlineData("intake", "correspondence")]
    [InlineData("reunification", "intake")]
    [InlineData("correspondence", "intake")]
    public async Task A_service_killed_in_the_middle_of_relaying_a_page_resumes_from_its_stored_progress(string publisher, string target)
    {
        var reunifications = publisher == "reunification" ? await CasesWithOpenReunification(40) : [];
        var letters = publisher == "correspondence" ? await CasesWithLetterDrafted(40) : [];
        var markers = await Arm(publisher, RelayPaused);
        var before = await Applied(target, publisher);
        var traffic = publisher switch
        {
            "reunification" => Cancel(reunifications),
            "correspondence" => Send(letters),
            _ => Operator.OpenCases(100),
        };

        var paused = await Marker(markers, RelayPaused);
        var pageEnd = long.Parse(paused["page-end"]);
        // Some of the page reached the other side before the kill: the page was in flight, half delivered.
        await Eventually.True(async () => await Applied(target, publisher) > before, "part of the page delivered");
        await System.Services.Kill(publisher);

        (await RelayPosition(publisher)).ShouldBeLessThan(pageEnd, "the kill landed before the page's progress was stored");
        await System.Services.Restart(publisher);
        await traffic;
        var report = await Conserved();
        (await RelayPosition(publisher)).ShouldBeGreaterThanOrEqualTo(pageEnd);
        report.Lost.ShouldBe(0);
    }

    /// <summary>Correspondence and Reunification consume CaseOpened; Intake consumes what the others report (here: a reunification called off).</summary>
    [Theory]
    [InlineData("correspondence")]
    [InlineData("reunification")]
    [InlineData("intake")]
    public async Task A_consumer_killed_after_its_work_but_before_its_inbox_commit_applies_the_message_once_after_restart(string service)
    {
        var prepared = service == "intake" ? await CasesWithOpenReunification(10) : [];
        var markers = await Arm(service, ConsumerPaused);
        var traffic = service == "intake" ? Cancel(prepared) : Operator.OpenCases(30);

        var paused = await Marker(markers, ConsumerPaused);
        var processedId = paused["processed-id"];
        await System.Services.Kill(service);

        (await Processed(service, processedId)).ShouldBe(0, "the kill landed before the inbox commit");
        await System.Services.Restart(service);
        await traffic;
        await Conserved();
        (await Processed(service, processedId)).ShouldBe(1, "redelivered after the restart and recorded once");
    }

    private Task<long> Processed(string service, string id) =>
        Scalar($"select count(*) from {service}.mt_doc_processedmessage where id = '{id.Replace("'", "''")}'");
}
