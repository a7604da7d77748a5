namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>A reported fact of a snapshot (a stage, a priority, a due date) changing from one value to another at a business time.</summary>
public sealed record FactChange(string From, string To, DateTimeOffset At);

/// <summary>
/// The history a snapshot keeps of the facts that statistics count "as of" a time: a snapshot knows only the present value,
/// so without it a figure as of an earlier time would be today's value. Kept in the snapshot, it rebuilds with it.
/// </summary>
public static class FactHistory
{
    /// <summary>The history with one more change; unchanged when the value did not change.</summary>
    public static IReadOnlyList<FactChange> Changed(this IReadOnlyList<FactChange>? history, string from, string to, DateTimeOffset at) =>
        from == to ? history ?? [] : [.. history ?? [], new FactChange(from, to, at)];

    /// <summary>
    /// SQL for the value in force at <paramref name="asOf"/>: the last change by then (business time, then the order recorded),
    /// else what the earliest change changed from, else the present value (no change was ever recorded).
    /// </summary>
    public static string ValueAsOf(string history, string present, string asOf = "$5") => $"""
        coalesce(
          (select h ->> 'To' from jsonb_array_elements(coalesce({history}, '[]'::jsonb)) with ordinality as x(h, n)
           where (h ->> 'At')::timestamptz <= {asOf} order by (h ->> 'At')::timestamptz desc, n desc limit 1),
          (select h ->> 'From' from jsonb_array_elements(coalesce({history}, '[]'::jsonb)) with ordinality as x(h, n)
           order by (h ->> 'At')::timestamptz, n limit 1),
          {present})
        """;
}
