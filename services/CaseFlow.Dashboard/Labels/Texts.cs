namespace CaseFlow.Dashboard.Labels;

/// <summary>
/// Every label of the dashboard in Russian, Kyrgyz and English: one dictionary per language, English the fallback.
/// A figure's label is under its key; its definition under "def:" + key (the definitions page).
/// </summary>
public sealed class Texts
{
    public static readonly IReadOnlyList<string> Languages = ["ru", "ky", "en"];

    private readonly IReadOnlyDictionary<string, string> own;

    private Texts(string language, IReadOnlyDictionary<string, string> own) => (Language, this.own) = (language, own);

    public string Language { get; }

    public static Texts For(string? language) => language switch
    {
        "ru" => new("ru", Russian.All),
        "ky" => new("ky", Kyrgyz.All),
        _ => new("en", English.All),
    };

    public string this[string key] => own.TryGetValue(key, out var text) || English.All.TryGetValue(key, out text) ? text : key;

    public string Definition(string key) => this["def:" + key];
}
