using JasperFx;

namespace CaseFlow.Correspondence.Agencies;

/// <summary>An agency letters are written to: a reference document of the directory, edited by supervisors.</summary>
/// <param name="Sample">Shipped as an example entry: its address and reply time must be checked before real use.</param>
public sealed record Agency(
    string Id,
    string Name,
    string Country,
    string Kind,
    IReadOnlyList<string> Languages,
    string Address,
    string Channel,
    int DefaultReplyDays,
    bool Sample = false,
    bool ReplyDaysAreWorkingDays = false) : IRevisioned
{
    public int Version { get; set; }

    public static readonly IReadOnlyList<string> Kinds = ["consulate", "embassy", "ministry", "migration-service", "other"];
}
