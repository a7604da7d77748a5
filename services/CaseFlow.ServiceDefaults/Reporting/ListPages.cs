using System.Text;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.ServiceDefaults.Reporting;

/// <summary>
/// Keyset pages of a list: a row's position is a sortable string stored on its document (and indexed); the page token is
/// the last position given out, so a page never skips nor repeats a row that stays where it was.
/// </summary>
public static class ListPages
{
    public const int MaxPageSize = 1000;

    /// <summary>A position sorting by time, then id: 19 digits of UTC ticks, '|', the id.</summary>
    public static string Position(DateTimeOffset time, Guid id) => $"{time.UtcTicks:D19}|{id}";

    public static int Size(InputCheck check, int requested)
    {
        var size = requested == 0 ? MaxPageSize : requested;
        check.That(size is > 0 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        return size;
    }

    public static string Token(string position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(position));

    /// <summary>The position a token holds; null when none was given (a problem for <paramref name="check"/> when it is not ours).</summary>
    public static string? After(InputCheck check, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var position = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (position.Length == 56 && position[19] == '|' && long.TryParse(position[..19], out _) && Guid.TryParse(position[20..], out _))
                return position;
        }
        catch (FormatException) { }
        check.Add("pageToken", "is not a token this service gave out");
        return null;
    }
}
