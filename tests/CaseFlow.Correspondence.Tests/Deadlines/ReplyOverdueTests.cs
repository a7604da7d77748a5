using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Replies.FollowingUp;

namespace CaseFlow.Correspondence.Tests.Deadlines;

public sealed class ReplyOverdueTests
{
    private static readonly DateTimeOffset EndOfDueDay = new(2020, 4, 27, 0, 0, 0, TimeSpan.Zero);

    private static ReplyOverdue Overdue(DateOnly due) =>
        new(Given.CaseId, "kara-suu", Given.LetterId, "ru-consulate-osh", "Consulate General of Russia in Osh", due,
            new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    [Fact]
    public void Given_a_sent_letter_on_its_due_day_then_nothing_is_overdue_yet()
    {
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted(), Given.LetterWasSent()), Given.LetterId, EndOfDueDay.AddTicks(-1))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_sent_letter_after_its_due_day_then_the_reply_is_overdue_as_of_the_end_of_that_day()
    {
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted(), Given.LetterWasSent()), Given.LetterId, EndOfDueDay.AddDays(30))
            .ShouldBe([Overdue(Given.Due)]);
    }

    [Fact]
    public void Given_a_letter_sent_with_the_centers_calendar_then_it_is_overdue_from_midnight_in_Bishkek_not_UTC()
    {
        var endInBishkek = Given.MidnightInBishkekAfter(Given.Due);
        var file = Given.File(Given.LetterWasDrafted(), Given.LetterWasSent() with { ReplyDueEnd = endInBishkek });

        ReplyOverdueRules.Decide(file, Given.LetterId, endInBishkek.AddTicks(-1)).ShouldBeEmpty();
        ReplyOverdueRules.Decide(file, Given.LetterId, endInBishkek).ShouldBe([Overdue(Given.Due) with { OccurredAt = endInBishkek }]);
    }

    [Fact]
    public void Given_an_overdue_already_raised_for_this_due_date_then_it_is_not_raised_again()
    {
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Overdue(Given.Due)), Given.LetterId,
            EndOfDueDay.AddDays(30)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_follow_up_with_a_new_due_date_then_it_is_raised_once_more_when_that_date_passes()
    {
        var newDue = new DateOnly(2020, 5, 15);
        var file = Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Overdue(Given.Due),
            new FollowUpSent(Given.CaseId, Given.LetterId, "e-mail", "", null, newDue, EndOfDueDay.AddDays(1), Given.ConsentId, 1));

        ReplyOverdueRules.Decide(file, Given.LetterId, EndOfDueDay.AddDays(5)).ShouldBeEmpty();
        ReplyOverdueRules.Decide(file, Given.LetterId, new DateTimeOffset(2020, 5, 16, 0, 0, 0, TimeSpan.Zero)).ShouldBe([Overdue(newDue)]);
    }

    [Fact]
    public void Given_a_replied_or_unsent_letter_or_a_closed_case_then_nothing_is_overdue()
    {
        var late = EndOfDueDay.AddDays(30);
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(), Given.ReplyWasReceived()), Given.LetterId, late).ShouldBeEmpty();
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted()), Given.LetterId, late).ShouldBeEmpty();
        ReplyOverdueRules.Decide(Given.File(Given.LetterWasDrafted(), Given.LetterWasSent(),
            new CorrespondenceFileClosed(Given.CaseId, "reunified", Given.Sent.AddDays(1))), Given.LetterId, late).ShouldBeEmpty();
    }
}
