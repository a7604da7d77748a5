using CaseFlow.Intake.Cases.Vulnerabilities;

namespace CaseFlow.Intake.ReferenceData;

public sealed record Center(string Id, string Name, string Province);

public sealed record Category(string Id, string Name);

/// <summary>Centers, categories and vulnerability kinds: configuration, not code, so other countries' centers can run CaseFlow.</summary>
public sealed class ReferenceData
{
    public List<Center> Centers { get; init; } = [];
    public List<Category> Categories { get; init; } = [];
    public List<VulnerabilityKind> VulnerabilityKinds { get; init; } = [];

    public static readonly IReadOnlyList<string> Channels = ["walk-in", "phone", "referral"];

    public bool IsCenter(string id) => Centers.Any(c => c.Id == id);
    public bool IsCategory(string id) => Categories.Any(c => c.Id == id);
    public bool IsVulnerabilityKind(string id) => VulnerabilityKinds.Any(k => k.Id == id);
    public Center? CenterOf(string id) => Centers.FirstOrDefault(c => c.Id == id);

    public string KnownCenters => string.Join(", ", Centers.Select(c => c.Id));
    public string KnownCategories => string.Join(", ", Categories.Select(c => c.Id));
    public string KnownVulnerabilityKinds => string.Join(", ", VulnerabilityKinds.Select(k => k.Id));
}
