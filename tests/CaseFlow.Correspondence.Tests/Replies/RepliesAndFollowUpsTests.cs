using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.Correspondence.Replies.ResponseTimes;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Tests.Replies;

public sealed class RepliesAndFollowUpsTests
{
    private static readonly DateTimeOffset Received = Given.Sent.AddDays(9);

    private static RecordReply Reply(DateTimeOffset? at = null) =>
        new(Given.LetterId, "IN-7", "refused", "Entry only for relatives who are Russian citizens", at ?? Received);

    [Fact]
    public void Given_a_sent_letter_when_the_reply_is_recorded_then_it_carries_what_dashboards_and_other_services_need()
    {
        Given.File(Given.LetterWasDrafted(), Given.LetterWasSent()).When(Reply()).ShouldBe([Given.ReplyWasReceived()]);
    }

    [Fact]
    public void Given_an_unsent_letter_when_a_reply_is_recorded_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted()).When(Reply())).Message.ShouldContain("never sent");
    }

    [Fact]
    public void Given_a_reply_received_before_the_letter_was_sent_then_occurred_at_is_refused()
    {
        Should.Throw<InvalidInput>(() => Given.File(Given.LetterWasDrafted(), Given.LetterWasSent()).When(Reply(Given.Sent.AddDays(-1))))
            .Problems.Single().Field.ShouldBe("occurredAt");
    }

    [Fact]
    public void Given_a_recorded_reply_when_the_same_reply_comes_again_then_nothing_new_happens_but_another_is_refused()
    {
        var file = Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Given.ReplyWasReceived());
        file.When(Reply()).ShouldBeEmpty();
        Should.Throw<RuleViolated>(() => file.When(Reply() with { Decision = "granted" }));
    }

    [Fact]
    public void Given_a_withdrawn_letter_when_a_reply_is_recorded_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(),
            new LetterWithdrawn(Given.CaseId, Given.LetterId, Given.Applicants("resolved otherwise"), Given.Sent.AddDays(1))).When(Reply()));
    }

    [Fact]
    public void Given_an_unanswered_letter_when_followed_up_then_the_reply_is_due_on_a_new_day()
    {
        var at = Given.Sent.AddDays(20);
        var events = Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(), Given.LetterWasSent())
            .When(new SendFollowUp(Given.LetterId, "e-mail", "OUT-1/2", "reminder", new DateOnly(2020, 5, 15), null, at));

        events.ShouldBe([new FollowUpSent(Given.CaseId, Given.LetterId, "e-mail", "OUT-1/2", Given.Applicants("reminder"), new DateOnly(2020, 5, 15), at, Given.ConsentId, 1,
            Given.MidnightInBishkekAfter(new DateOnly(2020, 5, 15)))]);
        Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), events[0]).Letters[Given.LetterId].ReplyDueBy.ShouldBe(new DateOnly(2020, 5, 15));
    }

    [Fact]
    public void Given_an_unsent_or_answered_letter_when_followed_up_then_it_is_refused()
    {
        var followUp = new SendFollowUp(Given.LetterId, "e-mail", "", "", null, 10, Given.Sent.AddDays(20));
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted()).When(followUp));
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Given.ReplyWasReceived())
            .When(followUp));
    }

    [Fact]
    public void Given_a_replied_letter_when_withdrawn_then_it_is_refused_and_a_withdrawn_one_stays_withdrawn()
    {
        var withdraw = new WithdrawLetter(Given.LetterId, "no longer needed", Given.Sent.AddDays(10));
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Given.ReplyWasReceived())
            .When(withdraw));
        var withdrawn = Given.File(Given.LetterWasDrafted(), new LetterWithdrawn(Given.CaseId, Given.LetterId, Given.Applicants("x"), Given.Drafted.AddHours(1)));
        withdrawn.When(withdraw).ShouldBeEmpty();
        withdrawn.Letters[Given.LetterId].Status.ShouldBe(LetterStatus.Withdrawn);
    }

    [Fact]
    public void Given_replies_after_2_5_and_10_days_then_the_median_is_5_and_the_90th_percentile_9()
    {
        var replies = new[] { 10, 2, 5 }.Select(days => Given.ReplyWasReceived() with { OccurredAt = Given.Sent.AddDays(days) }).ToList();
        var times = new AgencyResponseTimesProjection(CenterCalendars.Shipped).Create(replies[0]);
        times = times.With(replies[1], CenterCalendars.Shipped).With(replies[2], CenterCalendars.Shipped);

        times.ReplyCount.ShouldBe(3);
        times.MedianDays.ShouldBe(5);
        times.P90Days.ShouldBe(9);
    }
}
