namespace CaseFlow.Reunification.Files;

public static class ReunificationPlans
{
    public const string ChildTravelsToParent = "child-travels-to-parent";
    public const string ParentTravelsToChild = "parent-travels-to-child";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All = [ChildTravelsToParent, ParentTravelsToChild, Other];
}

/// <summary>The case's priority as Intake derives it from open vulnerabilities; higher goes first on a waitlist.</summary>
public static class Priorities
{
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";
    public static readonly IReadOnlyList<string> All = [Normal, High, Urgent];

    public static int Rank(string priority) => priority switch { Urgent => 2, High => 1, _ => 0 };
}

public static class DocumentKinds
{
    public const string BirthCertificate = "birth-certificate";
    public const string TravelDocument = "travel-document";
    public const string PowerOfAttorney = "power-of-attorney";
    public const string ConsentLetter = "consent-letter";
    public static readonly IReadOnlyList<string> All = [BirthCertificate, TravelDocument, PowerOfAttorney, ConsentLetter];
}

public static class AgencyDecisions
{
    public static readonly IReadOnlyList<string> All = ["granted", "refused", "information", "redirected", "none"];
}

/// <summary>Names of people, agencies and places are short; free text (reasons, notes) keeps the shared limit.</summary>
public static class TextLimits
{
    public const int Name = 200;
}
