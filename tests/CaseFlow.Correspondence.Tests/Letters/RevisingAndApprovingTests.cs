using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Letters.Approving;
using CaseFlow.Correspondence.Letters.Revising;
using CaseFlow.Correspondence.Letters.Withdrawing;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Tests.Letters;

public sealed class RevisingAndApprovingTests
{
    private static readonly DateTimeOffset Later = Given.Drafted.AddHours(2);

    [Fact]
    public void Given_a_draft_when_revised_then_the_new_text_is_recorded()
    {
        Given.File(Given.LetterWasDrafted()).When(new ReviseLetter(Given.LetterId, "New subject", "New body", "typo", Later))
            .ShouldBe([new LetterRevised(Given.CaseId, Given.LetterId, Given.Applicants("New subject"), Given.Applicants("New body"), Given.Applicants("typo"), Later)]);
    }

    [Fact]
    public void Given_an_approved_letter_when_revised_then_it_needs_approving_again()
    {
        var file = Given.File(Given.LetterWasDrafted("official-application"), Given.LetterWasApproved(),
            new LetterRevised(Given.CaseId, Given.LetterId, Given.Applicants("New"), Given.Applicants("Text"), null, Later));

        file.Letters[Given.LetterId].IsApproved.ShouldBeFalse();
        file.Letters[Given.LetterId].Status.ShouldBe(LetterStatus.Draft);
    }

    [Fact]
    public void Given_a_sent_letter_when_revised_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(Given.LetterWasDrafted(), Given.LetterWasSent())
            .When(new ReviseLetter(Given.LetterId, "New", "Text", "", Given.Sent.AddDays(1))));
    }

    [Fact]
    public void Given_a_withdrawn_letter_when_revised_or_approved_then_nothing_changes_it()
    {
        var file = Given.File(Given.LetterWasDrafted(), new LetterWithdrawn(Given.CaseId, Given.LetterId, Given.Applicants("not needed"), Later));

        Should.Throw<RuleViolated>(() => file.When(new ReviseLetter(Given.LetterId, "New", "Text", "", Later)))
            .Message.ShouldContain("withdrawn");
        Should.Throw<RuleViolated>(() => file.When(new ApproveLetter(Given.LetterId, Given.Supervisor.User, "", Later)));
    }

    [Fact]
    public void Given_a_draft_when_a_supervisor_approves_then_it_is_approved_by_them()
    {
        Given.File(Given.LetterWasDrafted()).When(new ApproveLetter(Given.LetterId, Given.Supervisor.User, "ok", Later))
            .ShouldBe([new LetterApproved(Given.CaseId, Given.LetterId, "coordinator-dina", Given.Applicants("ok"), Later)]);
    }

    [Fact]
    public void Given_an_approved_letter_when_approved_again_then_nothing_new_happens()
    {
        Given.File(Given.LetterWasDrafted(), Given.LetterWasApproved())
            .When(new ApproveLetter(Given.LetterId, Given.Supervisor.User, "", Later)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_no_such_letter_when_approving_then_it_is_not_found()
    {
        Should.Throw<NotFound>(() => Given.File().When(new ApproveLetter(Guid.NewGuid(), Given.Supervisor.User, "", Later)));
    }
}
