using CaseFlow.Intake.Cases.Searching;

namespace CaseFlow.Intake.Tests.Cases.Searching;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Алима", "alima")]
    [InlineData("Эмир", "emir")]
    [InlineData("  Алима   Токтосунова ", "alima toktosunova")]
    [InlineData("Alíma  TOKTOSUNOVA", "alima toktosunova")]
    [InlineData("Ўлмас-Бек", "ulmas bek")]
    public void Given_a_name_in_any_script_when_normalised_then_it_is_its_lower_case_latin_letters(string name, string expected) =>
        SearchText.Name(name).ShouldBe(expected);

    [Fact]
    public void Given_cyrillic_and_latin_spellings_of_one_name_then_they_compare_equal_both_ways()
    {
        SearchText.Name("Алима").ShouldBe(SearchText.Name("Alima"));
        SearchText.Name("Emir").ShouldBe(SearchText.Name("Эмир"));
        SearchText.Name("Алима Токтосунова").ShouldContain(SearchText.Name("Toktosun"));
    }

    [Theory]
    [InlineData("AN 1234567", "AN1234567")]
    [InlineData("ан-123/45.67", "AN1234567")]
    [InlineData("АН1234567", "AN1234567")]
    [InlineData("KS-2020/0042", "KS20200042")]
    [InlineData("кс-2020/0042", "KS20200042")]
    public void Given_a_document_number_or_reference_when_normalised_then_only_its_upper_case_letters_and_digits_remain(string value, string expected) =>
        SearchText.Code(value).ShouldBe(expected);

    [Theory]
    [InlineData("+996 555 123 456")]
    [InlineData("0555 123456")]
    [InlineData("(555) 12-34-56")]
    [InlineData("996555123456")]
    public void Given_one_phone_written_several_ways_then_it_is_the_same_last_digits(string phone) =>
        SearchText.Phone(phone).ShouldBe("555123456");

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("Alima")]
    public void Given_too_few_digits_then_it_is_no_phone(string value) => SearchText.Phone(value).ShouldBeNull();

    [Fact]
    public void Given_a_case_id_then_the_query_tries_the_case_number_and_a_short_query_tries_no_name()
    {
        var id = Guid.NewGuid();
        var all = Enum.GetValues<SearchKey>().ToHashSet();
        SearchQuery.Of($" {id} ", all).CaseNumber.ShouldBe(id);
        SearchQuery.Of("a", all).Tries(SearchKey.Name).ShouldBeFalse();
        SearchQuery.Of("Alima", new HashSet<SearchKey> { SearchKey.Phone }).Tries(SearchKey.Name).ShouldBeFalse();
        SearchQuery.Of("Alima", all).Tries(SearchKey.Phone).ShouldBeFalse();
    }
}
