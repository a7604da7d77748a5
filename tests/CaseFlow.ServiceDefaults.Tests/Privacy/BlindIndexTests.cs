using CaseFlow.ServiceDefaults.Privacy;

namespace CaseFlow.ServiceDefaults.Tests.Privacy;

/// <summary>A query's terms are all among a stored value's terms exactly when the query is a piece of it.</summary>
public sealed class BlindIndexTests
{
    private readonly BlindIndex index = new(new string('k', 32));

    private bool Finds(string stored, string query) => index.QueryTerms(query).All(index.Terms(stored).Contains);

    [Theory]
    [InlineData("alima toktogulova", "alima")]
    [InlineData("alima toktogulova", "togul")]
    [InlineData("alima toktogulova", "ova")]
    [InlineData("alima toktogulova", "a")]
    [InlineData("alima toktogulova", "ma t")]
    public void A_piece_of_the_value_finds_it(string stored, string query) => Finds(stored, query).ShouldBeTrue();

    [Theory]
    [InlineData("alima toktogulova", "aibek")]
    [InlineData("alima toktogulova", "zz")]
    [InlineData("alima", "alimaa")]
    public void Something_else_does_not(string stored, string query) => Finds(stored, query).ShouldBeFalse();

    [Fact]
    public void Terms_are_keyed_deterministic_and_reveal_no_letters()
    {
        index.Terms("alima").ShouldBe(index.Terms("alima"));
        new BlindIndex(new string('x', 32)).Terms("alima").ShouldNotBe(index.Terms("alima"));
        index.Terms("alima").ShouldAllBe(t => !t.Contains("alima") && t.Length == 11);
        index.Exact("alima|1988-02-11").ShouldBe(index.Exact("alima|1988-02-11"));
        index.Exact("ali").ShouldNotBe(index.QueryTerms("ali").Single());
    }

    [Fact]
    public void A_short_key_is_refused() => Should.Throw<InvalidOperationException>(() => new BlindIndex("short"));
}
