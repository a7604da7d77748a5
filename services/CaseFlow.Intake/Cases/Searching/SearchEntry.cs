namespace CaseFlow.Intake.Cases.Searching;

/// <summary>
/// What one person of a case (or one letter of it) is found by: keyed hashes only (<see cref="BlindIndex"/>), never the
/// values. Each key's terms are hashed with their kind in front, so a phone number never finds a document number.
/// </summary>
/// <param name="Id">"caseId/applicant", "caseId/member:&lt;memberId&gt;" or "caseId/letter:&lt;letterId&gt;".</param>
/// <param name="Person">"applicant", "member:&lt;memberId&gt;" or "letter": whose entry it is.</param>
/// <param name="Terms">The name's pieces (<see cref="BlindIndex.Terms"/>) and the exact terms of documents, phone, references.</param>
/// <param name="Twin">The exact term of the transliterated name and birth date: what the duplicate warning compares.</param>
public sealed record SearchEntry(string Id, Guid CaseId, string Person, string[] Terms, string? Twin)
{
    public const string Letter = "letter";

    public static string IdOf(Guid caseId, string person) => $"{caseId:D}/{person}";
}

/// <summary>The exact terms of each kind of key, as stored and as asked.</summary>
public static class SearchTerms
{
    public static string Document(BlindIndex index, string code) => index.Exact("document:" + code);
    public static string Phone(BlindIndex index, string digits) => index.Exact("phone:" + digits);
    public static string Reference(BlindIndex index, string code) => index.Exact("reference:" + code);
    public static string Twin(BlindIndex index, string name, DateOnly born) => index.Exact($"twin:{name}|{born:yyyy-MM-dd}");
}
