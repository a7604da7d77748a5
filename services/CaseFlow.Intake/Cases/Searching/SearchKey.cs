namespace CaseFlow.Intake.Cases.Searching;

/// <summary>The kinds of key a case is searched by (their words: name, member, document, phone, letter, case).</summary>
public enum SearchKey { Name, Member, Document, Phone, Letter, Case }

/// <summary>What one search asks for: the query as each kind of key compares it (null: that key is not tried).</summary>
public sealed record SearchQuery(string? Name, string? Code, string? Phone, Guid? CaseNumber, IReadOnlySet<SearchKey> Keys)
{
    /// <summary>Names are matched from two letters on: one letter is in nearly every name.</summary>
    public const int MinName = 2;

    public static SearchQuery Of(string text, IReadOnlySet<SearchKey> keys)
    {
        var name = SearchText.Name(text);
        var code = SearchText.Code(text);
        return new SearchQuery(
            name.Length >= MinName ? name : null,
            code.Length >= SearchText.MinExact ? code : null,
            SearchText.Phone(text),
            Guid.TryParse(text.Trim(), out var id) ? id : null,
            keys);
    }

    public bool Tries(SearchKey key) => Keys.Contains(key) && key switch
    {
        SearchKey.Name or SearchKey.Member => Name is not null,
        SearchKey.Document or SearchKey.Letter => Code is not null,
        SearchKey.Phone => Phone is not null,
        SearchKey.Case => CaseNumber is not null,
        _ => false,
    };
}
