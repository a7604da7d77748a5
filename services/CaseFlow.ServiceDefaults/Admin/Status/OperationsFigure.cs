namespace CaseFlow.ServiceDefaults.Admin.Status;

/// <summary>
/// A figure only one service has (Correspondence's overdue letters), shown in its status and exported on /metrics as
/// <c>caseflow_&lt;name&gt;</c>. A service registers it as a singleton.
/// </summary>
public interface IOperationsFigure
{
    /// <summary>snake_case, e.g. "overdue_letters".</summary>
    string Name { get; }

    Task<long> Read(CancellationToken ct);
}
