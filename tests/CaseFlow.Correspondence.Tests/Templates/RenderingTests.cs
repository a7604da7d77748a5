using CaseFlow.Correspondence.Agencies;
using CaseFlow.Correspondence.CaseData;
using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Templates;
using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Correspondence.Tests.Templates;

public sealed class RenderingTests
{
    private static readonly TemplateLibrary Library = TemplateLibrary.Shipped();
    private static readonly Agency Mfa = new("kg-mfa", "Ministry of Foreign Affairs of the Kyrgyz Republic", "Kyrgyzstan", "ministry",
        ["ky", "ru"], "Bishkek", "post", 10);
    private static readonly DateTimeOffset LetterDay = new(2020, 6, 18, 9, 0, 0, TimeSpan.Zero);

    private static CaseDetails Alimas_case() => new()
    {
        CaseId = Given.CaseId.ToString(), CenterId = "kara-suu", ApplicantName = "Alima",
        CenterName = "Single Window Center, Kara-Suu city hall", OpenedAt = Timestamp.FromDateTimeOffset(Given.Opened),
        Applicant = new ApplicantDetails { FullName = "Alima Toktosunova", BirthDate = "1988-01-15" },
        Family =
        {
            new FamilyMember
            {
                MemberId = "son-1", Relationship = "son", FullName = "Emir Toktosunov", BirthDate = "2018-02-03", Separated = true,
                Caregiver = "Nurgul (aunt)", Location = new Place { City = "Moscow", Country = "Russia" },
            },
        },
    };

    private static Dictionary<string, string?> Values(string language, CaseDetails? details = null) =>
        LetterValues.From(details ?? Alimas_case(), Mfa, "lawyer-aigul", null, LetterDay, language);

    [Fact]
    public void Every_shipped_template_exists_in_russian_kyrgyz_and_english_and_uses_only_known_placeholders()
    {
        Library.Templates.Select(t => t.Id).Distinct().ShouldBe(["child-return-application", "entry-inquiry"]);
        foreach (var id in Library.Templates.Select(t => t.Id).Distinct())
            foreach (var language in Vocabulary.Languages)
                Should.NotThrow(() => Library.Find(id, language).ShouldNotBeNull($"{id} in {language}").Parse());
    }

    [Theory]
    [InlineData("ru", "О возвращении Emir Toktosunov", "03.02.2018")]
    [InlineData("ky", "Emir Toktosunov Кыргыз Республикасына кайтаруу", "03.02.2018")]
    [InlineData("en", "Return of Emir Toktosunov", "3 February 2018")]
    public void Given_a_case_with_every_value_when_rendered_then_the_letter_speaks_of_the_case(string language, string subject, string birth)
    {
        var text = Library.Find("child-return-application", language)!.Parse().Render(Values(language));

        text.Subject.ShouldStartWith(subject);
        text.Body.ShouldContain("Single Window Center, Kara-Suu city hall");
        text.Body.ShouldContain("Alima Toktosunova");
        text.Body.ShouldContain(birth);
        text.Body.ShouldContain("Moscow, Russia");
        text.Body.ShouldNotContain("{{");
    }

    [Fact]
    public void Given_a_case_without_the_center_name_and_family_when_rendered_then_each_missing_value_is_named()
    {
        var bare = new CaseDetails { CaseId = Given.CaseId.ToString(), CenterId = "kara-suu", ApplicantName = "Alima" };

        var error = Should.Throw<RuleViolated>(() => Library.Find("child-return-application", "en")!.Parse().Render(Values("en", bare)));

        error.Message.ShouldContain("center.name");
        error.Message.ShouldContain("family_member.name");
        error.Message.ShouldContain("template child-return-application (en)");
    }

    [Fact]
    public void Given_text_with_an_unknown_placeholder_then_the_field_and_the_placeholder_are_named()
    {
        var error = Should.Throw<InvalidInput>(() => LetterText.Parse("Letter for {{ applicant.name }}", "Shoe size: {{ applicant.shoe_size }}"));

        error.Problems.Single().Field.ShouldBe("body");
        error.Problems.Single().Problem.ShouldContain("applicant.shoe_size");
    }

    [Fact]
    public void Given_a_library_template_with_an_unknown_placeholder_then_it_is_a_precondition_naming_the_template()
    {
        var broken = new LetterTemplate("broken", "en", "appeal", "Broken", "To {{ agncy.name }}", "Body");

        Should.Throw<RuleViolated>(() => broken.Parse()).Message.ShouldContain("template broken (en)");
    }

    [Fact]
    public void Given_text_that_is_not_a_template_then_the_field_is_named()
    {
        Should.Throw<InvalidInput>(() => LetterText.Parse("Subject", "Dear {{ agency.name ")).Problems.Single().Field.ShouldBe("body");
    }

    [Fact]
    public void Given_loops_and_assignments_then_their_own_variables_are_not_placeholders()
    {
        var text = LetterText.Parse("S", "{% assign who = applicant.name %}{{ who }}{% for x in (1..2) %}{{ x }}{{ forloop.index }}{% endfor %}");

        text.Placeholders.ShouldBe(["applicant.name"]);
        text.Render(Values("en")).Body.ShouldBe("Alima Toktosunova1122");
    }

    [Fact]
    public void Given_a_family_member_id_the_case_does_not_have_then_family_member_id_is_named()
    {
        Should.Throw<InvalidInput>(() => LetterValues.From(Alimas_case(), Mfa, "lawyer", "daughter-9", LetterDay, "en"))
            .Problems.Single().Field.ShouldBe("familyMemberId");
    }

    [Fact]
    public void Given_text_without_case_placeholders_then_intake_need_not_be_asked()
    {
        LetterText.Parse("To {{ agency.name }}", "From {{ lawyer.name }}, {{ letter.date }}").NeedsCase.ShouldBeFalse();
        LetterText.Parse("S", "{{ applicant.name }}").NeedsCase.ShouldBeTrue();
    }
}
