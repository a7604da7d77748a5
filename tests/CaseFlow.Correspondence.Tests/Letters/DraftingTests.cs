using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Letters.Drafting;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Tests.Letters;

public sealed class DraftingTests
{
    private static readonly DateTimeOffset Now = new(2020, 4, 20, 12, 0, 0, TimeSpan.Zero);

    private static DraftLetter Command(DateTimeOffset? at = null) => new(Given.LetterId, "kg-mfa", "MFA of the Kyrgyz Republic", "ministry",
        "official-application", "ky", null, Given.Applicants("Subject"), Given.Applicants("Body"), at ?? Given.Drafted);

    [Fact]
    public void Given_an_open_file_when_drafting_then_the_letter_is_drafted_with_its_agency_and_text()
    {
        var events = Given.File().When(Command());

        events.ShouldBe([new LetterDrafted(Given.CaseId, Given.LetterId, "kg-mfa", "MFA of the Kyrgyz Republic",
            "official-application", "ky", null, Given.Applicants("Subject"), Given.Applicants("Body"), Given.Drafted, "ministry")]);
    }

    [Fact]
    public void A_letter_about_a_family_member_is_sealed_under_the_applicant_and_the_member_so_erasing_either_erases_it()
    {
        DraftLetterHandler.PeopleOf(Given.CaseId, "son-1").ShouldBe(
            [Subjects.Applicant(Given.CaseId), Subjects.Member(Given.CaseId, "son-1")], ignoreOrder: true);
        DraftLetterHandler.PeopleOf(Given.CaseId, null).ShouldBe([Subjects.Applicant(Given.CaseId)]);
    }

    [Fact]
    public void Given_a_closed_case_when_drafting_then_it_is_refused()
    {
        Should.Throw<RuleViolated>(() => Given.File(new CorrespondenceFileClosed(Given.CaseId, "reunified", Given.Sent)).When(Command()))
            .Message.ShouldContain("closed");
    }

    [Fact]
    public void Given_a_business_time_before_the_case_was_opened_then_occurred_at_is_refused()
    {
        Should.Throw<InvalidInput>(() => Given.File().When(Command(Given.Opened.AddDays(-1))))
            .Problems.Single().Field.ShouldBe("occurredAt");
    }

    [Fact]
    public void Given_a_request_without_anything_then_every_missing_field_is_named()
    {
        Should.Throw<InvalidInput>(() => DraftLetter.Parse(new DraftLetterRequest(), Now)).Problems.Select(p => p.Field)
            .ShouldBe(["caseId", "agencyId", "language", "kind", "subject", "body"]);
    }

    [Fact]
    public void Given_a_template_then_kind_subject_and_body_come_from_it()
    {
        var input = DraftLetter.Parse(new DraftLetterRequest
        {
            CaseId = Given.CaseId.ToString(), AgencyId = "kg-mfa", Language = "en", TemplateId = "entry-inquiry",
        }, Now);

        input.TemplateId.ShouldBe("entry-inquiry");
        input.Kind.ShouldBeNull();
        input.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public void Given_unknown_words_then_kind_and_language_are_named()
    {
        Should.Throw<InvalidInput>(() => DraftLetter.Parse(new DraftLetterRequest
        {
            CaseId = Given.CaseId.ToString(), AgencyId = "kg-mfa", Language = "fr", Kind = "love-letter", Subject = "s", Body = "b",
        }, Now)).Problems.Select(p => p.Field).ShouldBe(["language", "kind"]);
    }
}
