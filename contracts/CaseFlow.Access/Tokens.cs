namespace CaseFlow.Access;

/// <summary>The claims a CaseFlow token carries: who acts, in which role, at which center.</summary>
public static class ClaimNames
{
    public const string User = "sub";
    public const string Role = "role";
    public const string Center = "center";
}

/// <summary>The roles a person's token may name.</summary>
public static class CallerRoles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Auditor = "auditor";
    public const string Dashboard = "dashboard";

    public static readonly IReadOnlyList<string> All = [Operator, Supervisor, Auditor, Dashboard];
}
