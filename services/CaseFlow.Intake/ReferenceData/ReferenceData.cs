namespace CaseFlow.Intake.ReferenceData;

public sealed record Center(string Id, string Name, string Province);

public sealed record Category(string Id, string Name);

/// <summary>Centers and case categories: configuration, not code, so other countries' centers can run CaseFlow.</summary>
public sealed class ReferenceData
{
    public List<Center> Centers { get; init; } = [];
    public List<Category> Categories { get; init; } = [];

    public static readonly IReadOnlyList<string> Channels = ["walk-in", "phone", "referral"];

    public bool IsCenter(string id) => Centers.Any(c => c.Id == id);
    public bool IsCategory(string id) => Categories.Any(c => c.Id == id);

    public string KnownCenters => string.Join(", ", Centers.Select(c => c.Id));
    public string KnownCategories => string.Join(", ", Categories.Select(c => c.Id));
}
