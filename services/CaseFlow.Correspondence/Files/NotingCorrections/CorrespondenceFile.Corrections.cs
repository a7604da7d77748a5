using CaseFlow.Correspondence.Files.NotingCorrections;

namespace CaseFlow.Correspondence.Files;

public sealed partial record CorrespondenceFile
{
    /// <summary>Per person ("applicant", "member:&lt;id&gt;"), the case version of the last correction noted.</summary>
    public IReadOnlyDictionary<string, long> CorrectionVersions { get; init; } = new Dictionary<string, long>();

    public CorrespondenceFile Apply(PersonCorrectionNoted e) =>
        this with { CorrectionVersions = new Dictionary<string, long>(CorrectionVersions) { [e.Person] = e.CaseVersion } };

    public CorrespondenceFile Apply(LetterDetailsCorrected e) => Change(e.LetterId, l => l with
    {
        CorrectedSinceDraft = [.. (l.CorrectedSinceDraft ?? []).Union(e.Changed.Count == 0 ? [e.Person] : e.Changed.Select(c => $"{e.Person}.{c}"))],
    });
}
