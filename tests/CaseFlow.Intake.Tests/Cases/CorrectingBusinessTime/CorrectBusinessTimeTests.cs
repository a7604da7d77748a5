using CaseFlow.Intake.Cases.Consulting;
using CaseFlow.Intake.Cases.CorrectingBusinessTime;
using CaseFlow.ServiceDefaults.Audit;
using static CaseFlow.Intake.Tests.Cases.Given;

namespace CaseFlow.Intake.Tests.Cases.CorrectingBusinessTime;

public sealed class CorrectBusinessTimeTests
{
    private static readonly KnownFact Consultation = new(2, nameof(ConsultationHeld), Day(8), false);

    private static Case CaseAtVersion(long version, params object[] events)
    {
        var state = OpenCase(events);
        state.Version = version;
        return state;
    }

    private static CorrectBusinessTime Correct(DateTimeOffset to) => new(2, to, "typed the wrong day", Day(20));

    [Fact]
    public void Given_a_consultation_entered_on_the_wrong_day_when_its_time_is_corrected_then_a_correction_keeps_both_times()
    {
        var corrected = CorrectBusinessTimeRules.Decide(CaseAtVersion(2), Correct(Day(1)), Consultation)
            .ShouldHaveSingleItem().ShouldBeOfType<BusinessTimeCorrected>();
        (corrected.FactVersion, corrected.FactType, corrected.WasAt, corrected.CorrectedAt).ShouldBe((2L, nameof(ConsultationHeld), Day(8), Day(1)));
        ((IBusinessTimeCorrection)corrected).CorrectedAt.ShouldBe(Day(1));
    }

    [Fact]
    public void Given_a_corrected_time_when_the_same_correction_is_asked_again_then_nothing_new_is_recorded_and_a_second_one_starts_from_it()
    {
        var first = new BusinessTimeCorrected(CaseId, 2, nameof(ConsultationHeld), Day(8), Day(1), OfApplicant("r"), Day(20));
        var state = CaseAtVersion(3, first);
        CorrectBusinessTimeRules.Decide(state, Correct(Day(1)), Consultation).ShouldBeEmpty();
        CorrectBusinessTimeRules.Decide(state, Correct(Day(2)), Consultation).OfType<BusinessTimeCorrected>().Single().WasAt.ShouldBe(Day(1));
    }

    [Fact]
    public void Given_a_time_before_the_opening_then_it_is_refused() =>
        Should.Throw<RuleViolated>(() => CorrectBusinessTimeRules.Decide(CaseAtVersion(2), Correct(Day(-3)), Consultation))
            .Message.ShouldContain("before the case was opened");

    [Theory]
    [InlineData(1, "CaseOpened", false, "opening")]
    [InlineData(2, "AgencyReplyNoted", false, "another service")]
    [InlineData(2, "BusinessTimeCorrected", true, "itself a correction")]
    public void Given_a_fact_whose_time_is_not_Intakes_to_correct_then_the_correction_is_refused(long version, string type, bool isCorrection, string why) =>
        Should.Throw<RuleViolated>(() => CorrectBusinessTimeRules.Decide(CaseAtVersion(2), Correct(Day(1)) with { FactVersion = version },
            new KnownFact(version, type, Day(8), isCorrection))).Message.ShouldContain(why);

    [Fact]
    public void Given_no_such_fact_then_it_is_not_found() =>
        Should.Throw<NotFound>(() => CorrectBusinessTimeRules.Decide(CaseAtVersion(2), Correct(Day(1)), null));

    [Fact]
    public void Given_a_corrected_fact_then_its_copy_for_state_as_of_carries_the_corrected_time_and_the_stored_one_is_unchanged()
    {
        var held = new ConsultationHeld(CaseId, "lawyer", OfApplicant("t"), OfApplicant("a"), 30, Day(8));
        var copy = (ConsultationHeld)BusinessTimes.WithOccurredAt(held, Day(1));
        copy.OccurredAt.ShouldBe(Day(1));
        held.OccurredAt.ShouldBe(Day(8));
        copy.DurationMinutes.ShouldBe(30);
    }
}
