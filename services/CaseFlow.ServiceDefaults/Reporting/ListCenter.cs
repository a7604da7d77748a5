using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>The center a list across cases is filtered on: the one asked for, and for those held to their own center, theirs only.</summary>
public static class ListCenter
{
    /// <returns>null for every center the caller may see.</returns>
    public static string? Of(InputCheck check, Caller caller, string? requested, string field = "centerId")
    {
        var center = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (!caller.HeldToOwnCenter) return center;
        check.That(center is null || center == caller.Center, field, $"an operator sees only center '{caller.Center}'");
        return caller.Center ?? "";
    }
}
