using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.Correcting;
using CaseFlow.Reunification.Files.Opening;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Plans.Choosing;
using CaseFlow.Reunification.Reunions.FollowingTheCase;
using CaseFlow.ServiceDefaults.Errors;
using IntakeV1 = CaseFlow.Contracts.Intake.V1;
using IntakeV2 = CaseFlow.Contracts.Intake.V2;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Tracks;

/// <summary>Each separated member of a case has their own track; the case's rules apply to every track.</summary>
public sealed class SeveralMembersTests
{
    private static IntakeV2.FamilySeparationReported Reported(string memberId) => new(CaseId, "kara-suu", memberId, "daughter", true, "child",
        "Russia", DateOnly.Parse("2020-03-16"), At);

    private static ReunificationFile TwoTracks(params object[] more) => File([Separated(), Separated(memberId: "daughter-1"), .. more]);

    private static SeatAllocated Seat(Guid flightId, string memberId) =>
        new(CaseId, "kara-suu", flightId, "KG-1", "Moscow", "Osh", DateOnly.Parse("2020-07-04"), At, memberId);

    [Fact]
    public void Given_a_track_when_another_members_separation_is_reported_then_that_member_gets_their_own_track_assessing()
    {
        var file = File(Separated());
        var opened = file.After(OpenReunification.Decide(file, Reported("daughter-1")));
        opened.EveryTrack().Select(t => (t.TrackId, t.Stage)).ShouldBe(
            [("son-1", ReunificationStage.Assessing), ("daughter-1", ReunificationStage.Assessing)]);
    }

    [Fact]
    public void Given_two_tracks_when_a_members_separation_is_reported_again_then_nothing_changes()
    {
        OpenReunification.Decide(TwoTracks(), Reported("daughter-1")).ShouldBeEmpty();
        TwoTracks(Separated(memberId: "daughter-1")).OtherTracks.Count.ShouldBe(1);
    }

    [Fact]
    public void Given_two_tracks_when_a_plan_is_chosen_on_the_second_then_only_the_second_is_planned_and_the_fact_names_it()
    {
        var file = TwoTracks();
        var track = file.Track("daughter-1");
        var events = ChoosePlan.Decide(track, new ChoosePlan(ReunificationPlans.ChildTravelsToParent, "the aunt brings her", At)).OnTrack(track);

        events.ShouldHaveSingleItem().ShouldBeOfType<PlanChosen>().MemberId.ShouldBe("daughter-1");
        var after = file.After(events);
        (after.Plan, after.Stage).ShouldBe((null, ReunificationStage.Assessing));
        after.Track("daughter-1").Stage.ShouldBe(ReunificationStage.Planned);
    }

    [Fact]
    public void Given_a_fact_recorded_before_tracks_without_a_member_then_it_belongs_to_the_first_track() =>
        TwoTracks(Plan()).EveryTrack().Select(t => t.Plan).ShouldBe([ReunificationPlans.ChildTravelsToParent, null]);

    [Fact]
    public void Given_one_track_when_no_member_is_named_then_that_track_is_meant() =>
        File(Separated()).Track(null).TrackId.ShouldBe("son-1");

    [Fact]
    public void Given_two_tracks_when_no_member_is_named_then_the_input_is_refused_naming_the_member_id() =>
        Should.Throw<InvalidInput>(() => TwoTracks().Track(null)).Problems.ShouldHaveSingleItem().Field.ShouldBe("memberId");

    [Fact]
    public void Given_two_tracks_when_an_unknown_member_is_named_then_the_input_is_refused_naming_the_member_id() =>
        Should.Throw<InvalidInput>(() => TwoTracks().Track("uncle-9")).Problems.ShouldHaveSingleItem().Field.ShouldBe("memberId");

    [Fact]
    public void Given_two_tracks_seated_on_two_flights_when_the_case_closes_then_every_track_is_cancelled_and_each_seat_released()
    {
        var (moscow, yekaterinburg) = (Flight(capacity: 3), Flight(capacity: 3, number: "KG-2"));
        var son = Traveller(caseId: CaseId) with { Members = ["son-1"] };
        var daughter = Traveller(caseId: CaseId) with { Members = ["daughter-1"], Person = "member:daughter-1" };
        var file = File([.. ReadyChild(), .. ReadyChild("daughter-1"), Seat(moscow.Id, "son-1"), Seat(yekaterinburg.Id, "daughter-1")]);

        var decision = FollowCase.Decide(file, [moscow.Seated(son), yekaterinburg.Seated(daughter)], new CaseClosing("unreachable", 7, At));

        decision.FileEvents.OfType<ReunificationCancelled>().Select(c => c.MemberId).ShouldBe(["son-1", "daughter-1"]);
        decision.FlightEvents.OfType<FlightSeatReleased>().Select(r => (r.FlightId, r.MemberId))
            .ShouldBe([(moscow.Id, "son-1"), (yekaterinburg.Id, "daughter-1")]);
        var closed = file.After(decision.FileEvents);
        closed.EveryTrack().ShouldAllBe(t => t.Stage == ReunificationStage.Cancelled && t.CancelledWithCase);

        var reopened = closed.After(FollowCase.Decide(closed, new CaseReopening(8, At.AddDays(1))));
        reopened.EveryTrack().ShouldAllBe(t => t.Stage == ReunificationStage.Planned);
    }

    [Fact]
    public void Given_one_track_reunited_when_the_case_closes_then_only_the_open_track_is_cancelled()
    {
        var file = TwoTracks(new Reunited(CaseId, "kara-suu", "son-1", Applicants("mother"), DateOnly.Parse("2020-03-16"),
            DateOnly.Parse("2020-07-04"), 110, At));
        var decision = FollowCase.Decide(file, [], new CaseClosing("withdrawn", 7, At));
        decision.FileEvents.OfType<ReunificationCancelled>().ShouldHaveSingleItem().MemberId.ShouldBe("daughter-1");
        file.After(decision.FileEvents).EveryTrack().Select(t => t.Stage).ShouldBe([ReunificationStage.Reunited, ReunificationStage.Cancelled]);
    }

    [Fact]
    public void Given_two_tracks_when_the_second_member_is_corrected_then_only_their_track_follows()
    {
        var correction = new IntakeV1.PersonDetailsCorrected(CaseId, "kara-suu", Guid.NewGuid(), "member:daughter-1", ["location"], 5, null, null,
            "child", "Kazakhstan", At);
        var file = TwoTracks();
        var after = file.After(NoteCorrection.Decide(file, [], correction).FileEvents);
        after.EveryTrack().Select(t => t.Member!.Country).ShouldBe(["Russia", "Kazakhstan"]);
    }
}
