namespace CaseFlow.Intake.Cases;

public enum CaseStatus { Open, Closed }

public enum CasePriority { Normal, High, Urgent }

public enum CaseOutcome { Reunified, ReturnedAbroad, ResolvedByAdvice, ReferredOut, Withdrawn, Unreachable }

/// <summary>The words of the API for the enums above: lower-case, dash-separated.</summary>
public static class Words
{
    public static string Of(Enum value) =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) != word) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }

    public static string All<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}

/// <summary>How a separated member's reunification track ended, as Reunification reported it.</summary>
public static class TrackEnd
{
    public const string Reunited = "reunited";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    /// <summary>Called off by the case's closure, not by anyone's choice: the case's reopening resumes it.</summary>
    public const string CancelledWithCase = "cancelled-with-case";
}
