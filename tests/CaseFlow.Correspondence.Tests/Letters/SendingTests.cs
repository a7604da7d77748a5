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
            .ShouldBe([Given.LetterWasSent(new DateOnly(2020, 4, 26))]);
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
