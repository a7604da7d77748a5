namespace CaseFlow.ServiceDefaults.Privacy.Consent;

/// <summary>One version of a consent to share personal data, as every service keeps it (from Intake's ConsentToShareRecorded).</summary>
public sealed record SharingConsent(
    Guid ConsentId, int Version, IReadOnlyList<string> AgencyKinds, string Purpose, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt)
{
    public bool Covers(string agencyKind, DateTimeOffset at) =>
        WithdrawnAt is null && GivenAt <= at && AgencyKinds.Contains(agencyKind, StringComparer.Ordinal);
}

/// <summary>
/// The rule of every disclosure (a letter, a referral, a manifest): the consent version in force covers the kind of
/// agency, or the disclosure is refused. A withdrawal stops every later disclosure; what was disclosed before keeps the
/// version it was disclosed under.
/// </summary>
public static class SharingConsents
{
    public static readonly IReadOnlyList<string> AgencyKinds =
        ["consulate", "embassy", "ministry", "migration-service", "carrier", "service-provider", "other"];

    /// <summary>The newest version of each consent: an older or repeated version changes nothing.</summary>
    public static IReadOnlyList<SharingConsent> With(this IReadOnlyList<SharingConsent> known, SharingConsent version) =>
        known.FirstOrDefault(c => c.ConsentId == version.ConsentId) is { } current && current.Version >= version.Version
            ? known
            : [.. known.Where(c => c.ConsentId != version.ConsentId), version];

    public static SharingConsent? Covering(this IEnumerable<SharingConsent> consents, string agencyKind, DateTimeOffset at) =>
        consents.Where(c => c.Covers(agencyKind, at)).OrderByDescending(c => c.GivenAt).ThenBy(c => c.ConsentId).FirstOrDefault();

    /// <summary>The consent a disclosure rests on, or FAILED_PRECONDITION naming the consent that is missing.</summary>
    public static SharingConsent Require(this IEnumerable<SharingConsent> consents, string agencyKind, DateTimeOffset at, string disclosure) =>
        consents.Covering(agencyKind, at) ?? throw new MissingConsent(agencyKind, disclosure);
}

/// <summary>No consent in force covers a disclosure (FAILED_PRECONDITION, with a PreconditionFailure naming it).</summary>
public sealed class MissingConsent(string agencyKind, string disclosure)
    : Exception($"no consent to share personal data with a {agencyKind} is in force for this case: {disclosure} is refused; record the person's consent (GiveConsent) first")
{
    public string AgencyKind { get; } = agencyKind;
}
