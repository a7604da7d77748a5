using CaseFlow.Intake.Cases.Timeline;
using CaseFlow.ServiceDefaults.Privacy;
using JasperFx.Events;

namespace CaseFlow.Intake.Tests.Cases.Timeline;

public sealed class TimelineTests
{
    [Fact]
    public void Given_reunification_was_called_off_then_the_timeline_says_cancelled_not_failed()
    {
        var entry = CaseTimelineView.From(Given.CaseId, Stream(new ReunificationCancellationNoted(Given.CaseId, "the applicant withdrew", Given.Day(40))))
            .Entries.ShouldHaveSingleItem();

        entry.Source.ShouldBe("reunification");
        entry.Summary.ShouldBe("Reunification cancelled: the applicant withdrew");
        entry.MemberId.ShouldBe("");
    }

    [Fact]
    public void Given_two_separated_children_reunited_then_each_reunion_names_its_child_by_member_id_and_as_intake_knows_them()
    {
        var timeline = CaseTimelineView.From(Given.CaseId, Stream(
            Separated("son-1", "son", "Emir"), Separated("daughter-1", "daughter", "Aisha"),
            new ReunionReported(Given.CaseId, "son-1", "", 103, Given.Day(86)),
            new ReunionReported(Given.CaseId, "daughter-1", "", 103, Given.Day(86))));

        var reunions = timeline.Entries.Where(e => e.Type == nameof(ReunionReported)).ToList();

        reunions.Select(e => e.MemberId).ShouldBe(["son-1", "daughter-1"]);
        reunions.Select(e => e.Summary).ShouldBe([
            "Reunited: son-1 (son Emir) after 103 days apart",
            "Reunited: daughter-1 (daughter Aisha) after 103 days apart",
        ]);
    }

    [Fact]
    public void Given_a_sibling_s_track_failed_then_the_entry_names_that_child_and_no_empty_reason()
    {
        var entry = CaseTimelineView.From(Given.CaseId, Stream(
            Separated("daughter-1", "daughter", "Aisha"), new ReunificationFailureNoted(Given.CaseId, "", Given.Day(60), "daughter-1")))
            .Entries.Single(e => e.Type == nameof(ReunificationFailureNoted));

        (entry.MemberId, entry.Summary).ShouldBe(("daughter-1", "daughter-1 (daughter Aisha): Reunification failed"));
    }

    /// <summary>The facts as the case's stream holds them, after its opening.</summary>
    private static IReadOnlyList<IEvent> Stream(params object[] facts) => [.. facts.Select((fact, i) =>
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(fact.GetType()), fact)!;
        e.Version = i + 2;
        e.Timestamp = Given.Day(90);
        return e;
    })];

    private static FamilySeparationReported Separated(string memberId, string relationship, string name) => new(
        Given.CaseId, "kara-suu", memberId, relationship, true, "child", "Russia",
        Sealed.For(Subjects.Member(Given.CaseId, memberId), new MemberDetails(name, new DateOnly(2013, 9, 1), new Place("Russia", "Moscow"), null)),
        new DateOnly(2020, 3, 16), Given.Day(1));
}
