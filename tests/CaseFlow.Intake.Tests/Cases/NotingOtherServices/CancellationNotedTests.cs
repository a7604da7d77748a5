namespace CaseFlow.Intake.Tests.Cases.NotingOtherServices;

/// <summary>Whether a noted cancellation was the case's closure's (lifted by a reopening) or someone's choice (kept).</summary>
public sealed class CancellationNotedTests
{
    private static readonly CaseClosed Closure = Given.Closed(CaseOutcome.Withdrawn) with { OccurredAt = Given.Day(95) };

    private static ReunificationCancellationNoted Cancelled(DateTimeOffset at, bool? withCase) =>
        new(Given.CaseId, "", at, "daughter-1", withCase);

    private static string? DaughtersEnd(params object[] then) =>
        Given.TwoSeparatedChildren(then).TrackEnds.GetValueOrDefault("daughter-1");

    [Fact]
    public void Given_a_closure_when_a_cancellation_with_the_case_is_noted_then_it_is_the_closures_whatever_its_time()
    {
        DaughtersEnd(Closure, Cancelled(Given.Day(95), withCase: true)).ShouldBe(TrackEnd.CancelledWithCase);
        DaughtersEnd(Closure, Cancelled(Given.Day(95).AddMinutes(1), withCase: true)).ShouldBe(TrackEnd.CancelledWithCase);
        Given.TwoSeparatedChildren(Closure, Cancelled(Given.Day(95).AddMinutes(1), withCase: true), Given.Reopened(Given.Day(96)))
            .StillSeparated.ShouldBe(["son-1", "daughter-1"]);
    }

    [Fact]
    public void Given_a_closure_when_a_chosen_cancellation_is_noted_at_the_closures_very_time_then_it_survives_the_reopening()
    {
        DaughtersEnd(Closure, Cancelled(Given.Day(95), withCase: false), Given.Reopened(Given.Day(96))).ShouldBe(TrackEnd.Cancelled);
    }

    [Fact]
    public void Given_a_cancellation_from_before_the_flag_then_it_is_the_closures_only_at_the_closures_very_time()
    {
        DaughtersEnd(Closure, Cancelled(Given.Day(95), withCase: null)).ShouldBe(TrackEnd.CancelledWithCase);
        DaughtersEnd(Closure, Cancelled(Given.Day(95).AddMinutes(1), withCase: null)).ShouldBe(TrackEnd.Cancelled);
    }

    [Fact]
    public void Given_the_case_reopened_when_the_closures_cancellation_arrives_late_then_the_track_goes_on()
    {
        DaughtersEnd(Closure, Given.Reopened(Given.Day(96)), Cancelled(Given.Day(95), withCase: true)).ShouldBeNull();
    }

    [Fact]
    public void Given_a_second_closure_backdated_before_the_reopening_then_the_first_closures_late_cancellation_changes_nothing()
    {
        var closedAgain = Given.Closed(CaseOutcome.Unreachable) with { OccurredAt = Given.Day(94) };

        DaughtersEnd(Closure, Given.Reopened(Given.Day(96)), closedAgain, Cancelled(Given.Day(95), withCase: true)).ShouldBeNull();
        DaughtersEnd(Closure, Given.Reopened(Given.Day(96)), closedAgain, Cancelled(Given.Day(94), withCase: true))
            .ShouldBe(TrackEnd.CancelledWithCase);
    }
}
