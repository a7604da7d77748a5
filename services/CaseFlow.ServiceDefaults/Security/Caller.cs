using System.Security.Claims;
using CaseFlow.Access;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.ServiceDefaults.Security;

/// <summary>Who is acting: recorded on every event they append.</summary>
public sealed record Caller(string User, string Role, string? Center)
{
    public const string Operator = CallerRoles.Operator;
    public const string Supervisor = CallerRoles.Supervisor;
    public const string Auditor = CallerRoles.Auditor;
    public const string Dashboard = CallerRoles.Dashboard;
    public const string SystemRole = "system";

    public static readonly IReadOnlyList<string> Roles = CallerRoles.All;

    public static Caller System(string service) => new($"system:{service}", SystemRole, null);

    public static Caller From(ClaimsPrincipal principal)
    {
        var user = principal.FindFirstValue(ClaimNames.User);
        var role = principal.FindFirstValue(ClaimNames.Role);
        if (string.IsNullOrWhiteSpace(user) || role is null || !Roles.Contains(role))
            throw new Forbidden("the token names no user or no known role (operator, supervisor, auditor, dashboard)");
        return new Caller(user, role, principal.FindFirstValue(ClaimNames.Center));
    }

    /// <summary>Operators change only their own center's cases; supervisors change all.</summary>
    public void EnsureCanChange(string centerId)
    {
        if (Role == Supervisor || Role == SystemRole) return;
        if (Role == Operator && Center == centerId) return;
        throw new Forbidden(Role == Operator
            ? $"operator of center '{Center}' cannot act on a case of center '{centerId}'"
            : $"role '{Role}' cannot change cases");
    }

    /// <summary>Operators read only their own center's cases; supervisors, auditors and dashboards read all.</summary>
    public void EnsureCanRead(string centerId)
    {
        if (Role != Operator || Center == centerId) return;
        throw new Forbidden($"operator of center '{Center}' cannot read a case of center '{centerId}'");
    }
}
