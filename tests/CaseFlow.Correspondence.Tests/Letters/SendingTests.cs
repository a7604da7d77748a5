using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Tests.Letters;

public sealed class SendingTests
{
    private static SendLetter Command(DateOnly? due = null, int? defaultDays = 14, DateTimeOffset? at = null) =>
        new(Given.LetterId, "post", "OUT-1", due, defaultDays, at ?? Given.Sent);

    [Fact]
    public void Given_a_draft_when_sent_without_a_due_date_then_the_reply_is_due_after_the_agencys_usual_time()
    {
        Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted()).When(Command(defaultDays: 14))
            .ShouldBe([Given.LetterWasSent(new DateOnly(2020, 4, 26)) with { ReplyDueEnd = Given.MidnightInBishkekAfter(new DateOnly(2020, 4, 26)) }]);
    }

    [Fact]
    public void Given_an_agency_counting_working_days_when_sent_before_a_public_holiday_then_the_holiday_and_weekend_do_not_count()
    {
        // Monday 4 May 2020, 11:00 in Kara-Suu; Tuesday 5 May is Constitution Day, 9-10 May a weekend, 11 May Victory Day moved.
        var sent = (LetterSent)Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted())
            .When(Command(defaultDays: 5, at: new DateTimeOffset(2020, 5, 4, 5, 0, 0, TimeSpan.Zero)) with { WorkingDays = true }).Single();
        sent.ReplyDueBy.ShouldBe(new DateOnly(2020, 5, 13)); // 6, 7, 8, 12, 13 May
        sent.ReplyDueEnd.ShouldBe(new DateTimeOffset(2020, 5, 13, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Given_a_letter_sent_at_1_am_in_Bishkek_then_the_day_it_went_out_is_the_centers_not_UTCs()
    {
        // 19:00 UTC on 11 April is 01:00 on 12 April at the center: a reply due on the 12th is not after the sending day.
        var at = new DateTimeOffset(2020, 4, 11, 19, 0, 0, TimeSpan.Zero);
        Should.Throw<InvalidInput>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted() with { OccurredAt = at.AddHours(-1) })
            .When(Command(new DateOnly(2020, 4, 12), at: at))).Problems.Single().Field.ShouldBe("replyDueBy");
        var sent = (LetterSent)Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted() with { OccurredAt = at.AddHours(-1) })
            .When(Command(defaultDays: 1, at: at)).Single();
        sent.ReplyDueBy.ShouldBe(new DateOnly(2020, 4, 13));
    }

    [Fact]
    public void Given_a_due_date_when_sent_then_it_is_kept()
    {
        var sent = (LetterSent)Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted()).When(Command(new DateOnly(2020, 5, 1))).Single();
        sent.ReplyDueBy.ShouldBe(new DateOnly(2020, 5, 1));
    }

    [Theory]
    [InlineData("2020-04-12")]
    [InlineData("2020-04-01")]
    public void Given_a_due_date_not_after_the_sending_day_then_reply_due_by_is_refused(string due)
    {
        Should.Throw<InvalidInput>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted()).When(Command(DateOnly.Parse(due))))
            .Problems.Single().Field.ShouldBe("replyDueBy");
    }

    [Fact]
    public void Given_an_agency_without_a_usual_reply_time_and_no_due_date_then_reply_due_by_is_required()
    {
        Should.Throw<InvalidInput>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted()).When(Command(defaultDays: null)))
            .Problems.Single().Field.ShouldBe("replyDueBy");
    }

    [Fact]
    public void Given_an_unapproved_official_application_when_sent_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted("official-application")).When(Command()))
            .Message.ShouldContain("approve");
    }

    [Fact]
    public void Given_an_approved_official_application_when_sent_then_it_goes_out()
    {
        Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted("official-application"), Given.LetterWasApproved()).When(Command())
            .ShouldHaveSingleItem().ShouldBeOfType<LetterSent>();
    }

    [Fact]
    public void Given_a_sent_letter_when_sent_again_with_the_same_reference_then_nothing_new_happens_but_a_different_sending_is_refused()
    {
        var file = Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(), Given.LetterWasSent());
        file.When(Command()).ShouldBeEmpty();
        Should.Throw<RuleViolated>(() => file.When(Command() with { OutgoingReference = "OUT-2" }));
    }

    [Fact]
    public void Given_a_withdrawn_letter_when_sent_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(),
            new LetterWithdrawn(Given.CaseId, Given.LetterId, Given.Applicants("duplicate"), Given.Drafted.AddHours(1))).When(Command()));
    }

    [Fact]
    public void Given_a_closed_case_when_sending_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(),
            new CorrespondenceFileClosed(Given.CaseId, "withdrawn", Given.Drafted.AddHours(1))).When(Command()));
    }

    [Fact]
    public void Given_a_sending_time_before_the_draft_then_occurred_at_is_refused()
    {
        Should.Throw<InvalidInput>(() => Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted()).When(Command(at: Given.Drafted.AddDays(-1))))
            .Problems.Single().Field.ShouldBe("occurredAt");
    }
}
