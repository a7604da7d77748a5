using System.Security.Claims;
using CaseFlow.Access;
using CaseFlow.ServiceDefaults.Errors;
using Grpc.Core;

namespace CaseFlow.ServiceDefaults.Security;

/// <summary>
/// Who is acting: recorded on every event they append. Made for a call (<see cref="From(ServerCallContext)"/>), it
/// carries the call's declaration, and the center checks read the role × own / other center rule from it.
/// </summary>
public sealed record Caller(string User, string Role, string? Center)
{
    public const string Operator = CallerRoles.Operator;
    public const string Supervisor = CallerRoles.Supervisor;
    public const string Auditor = CallerRoles.Auditor;
    public const string Dashboard = CallerRoles.Dashboard;
    public const string SystemRole = "system";

    public static readonly IReadOnlyList<string> Roles = CallerRoles.All;

    /// <summary>
    /// The rule for a caller made outside any call (a tool, a unit test): the one every per-case write declares,
    /// so such a caller can do no more than the strictest call would let it.
    /// </summary>
    private static readonly (IReadOnlyList<string> Roles, IReadOnlyList<string> OwnCenterOnly) OutsideAnyCall =
        ([Operator, Supervisor], [Operator]);

    /// <summary>The call being made, whose <c>(caseflow.options.v1.access)</c> holds the center rule; null outside a call.</summary>
    public DeclaredMethod? Call { get; init; }

    public static Caller System(string service) => new($"system:{service}", SystemRole, null);

    public static Caller From(ClaimsPrincipal principal)
    {
        var user = principal.FindFirstValue(ClaimNames.User);
        var role = principal.FindFirstValue(ClaimNames.Role);
        if (string.IsNullOrWhiteSpace(user) || role is null || !Roles.Contains(role))
            throw new Forbidden("the token names no user or no known role (operator, supervisor, auditor, dashboard)");
        return new Caller(user, role, principal.FindFirstValue(ClaimNames.Center));
    }

    /// <summary>The caller of a gRPC (or JSON) call, with that call's declaration.</summary>
    public static Caller From(ServerCallContext context) =>
        From(context.GetHttpContext().User) with { Call = CaseFlowMethods.Find(context.Method) };

    /// <summary>Whether this call holds the caller to their own center's cases (the system never is).</summary>
    public bool HeldToOwnCenter => Role != SystemRole && (Call?.OwnCenterOnly ?? OutsideAnyCall.OwnCenterOnly).Contains(Role);

    /// <summary>A case of this center may be changed by the caller: the role may make the call, and the center is theirs if held to it.</summary>
    public void EnsureCanChange(string centerId)
    {
        if (Role == SystemRole) return;
        if (!(Call?.Roles ?? OutsideAnyCall.Roles).Contains(Role)) throw new Forbidden($"role '{Role}' cannot change cases");
        EnsureOwnCenter(centerId, "act on");
    }

    /// <summary>A case of this center may be read by the caller (the role check was the call gate's).</summary>
    public void EnsureCanRead(string centerId) => EnsureOwnCenter(centerId, "read");

    private void EnsureOwnCenter(string centerId, string what)
    {
        if (HeldToOwnCenter && Center != centerId)
            throw new Forbidden($"{Role} of center '{Center}' cannot {what} a case of center '{centerId}'");
    }
}
