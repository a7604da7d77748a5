namespace CaseFlow.Correspondence.Letters;

/// <summary>The words letters are described with, as they appear in the API and the integration events.</summary>
public static class Vocabulary
{
    public const string OfficialApplication = "official-application";

    public static readonly IReadOnlyList<string> Kinds = ["appeal", "information-request", OfficialApplication, "follow-up"];
    public static readonly IReadOnlyList<string> Languages = ["ru", "ky", "en"];
    public static readonly IReadOnlyList<string> Channels = ["post", "e-mail", "fax", "hand-delivery", "diplomatic-channel"];
    public static readonly IReadOnlyList<string> Decisions = ["granted", "refused", "information", "redirected", "none"];
}
