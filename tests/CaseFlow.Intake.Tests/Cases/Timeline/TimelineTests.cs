using CaseFlow.Intake.Cases.Timeline;
using JasperFx.Events;

namespace CaseFlow.Intake.Tests.Cases.Timeline;

public sealed class TimelineTests
{
    [Fact]
    public void Given_reunification_was_called_off_then_the_timeline_says_cancelled_not_failed()
    {
        var noted = new Event<ReunificationCancellationNoted>(new(Given.CaseId, "the applicant withdrew", Given.Day(40)))
        {
            Version = 2, Timestamp = Given.Day(41),
        };

        var entry = CaseTimelineView.From(Given.CaseId, [noted]).Entries.ShouldHaveSingleItem();

        entry.Source.ShouldBe("reunification");
        entry.Summary.ShouldBe("Reunification cancelled: the applicant withdrew");
    }
}
