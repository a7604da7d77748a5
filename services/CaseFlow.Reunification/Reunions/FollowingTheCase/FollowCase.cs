using CaseFlow.Reunification.Reunions.Ending;
using CaseFlow.Reunification.Travel;

namespace CaseFlow.Reunification.Reunions.FollowingTheCase;

/// <summary>What a case's closure does to its open reunification.</summary>
public enum ClosureRule
{
    /// <summary>Nothing: the reunification goes on, or is over already.</summary>
    Keep,
    /// <summary>Called off: a seat or waitlist place goes to the next in line; the case's reopening resumes it.</summary>
    Cancel,
}

/// <summary>Intake closed the case with an outcome, at a version of its stream; the file has seen this.</summary>
/// <param name="Cancelled">Whether the closure called off an open reunification (so that a reopening resumes it).</param>
public sealed record CaseClosureFollowed(Guid CaseId, string Outcome, ClosureRule Rule, bool Cancelled, long? CaseVersion, DateTimeOffset OccurredAt);

/// <summary>Intake reopened the case, at a version of its stream.</summary>
public sealed record CaseReopeningFollowed(Guid CaseId, long? CaseVersion, DateTimeOffset OccurredAt);

/// <summary>A reunification the case's closure called off goes on where it was planned (its seat is asked for again).</summary>
public sealed record ReunificationResumed(Guid CaseId, string CenterId, ReunificationStage Stage, DateTimeOffset OccurredAt);

public sealed record CaseClosing(string Outcome, long? CaseVersion, DateTimeOffset OccurredAt);

public sealed record CaseReopening(long? CaseVersion, DateTimeOffset OccurredAt);

/// <summary>
/// Reunification follows the case's status: a rule per closure outcome, and the reopening undoing what a closure called
/// off. Both apply by Intake's case version: a closure or reopening at or below the version the file has followed is
/// older (delivered late) or a repeat and changes nothing.
/// </summary>
public static class FollowCase
{
    /// <summary>The rule of each outcome of Intake's CaseClosed, with the reason the file records.</summary>
    public static (ClosureRule Rule, string Reason) RuleFor(string outcome) => outcome switch
    {
        // Intake closes as reunified only after the reunion was reported: the file is over already.
        "reunified" => (ClosureRule.Keep, "the case was closed as reunified"),
        "withdrawn" => (ClosureRule.Cancel, "the case was withdrawn"),
        "unreachable" => (ClosureRule.Cancel, "the case was closed: the applicant could not be reached"),
        "returned-abroad" => (ClosureRule.Cancel, "the case was closed: the applicant returned abroad to the family"),
        "resolved-by-advice" => (ClosureRule.Cancel, "the case was closed: resolved by advice"),
        "referred-out" => (ClosureRule.Cancel, "the case was closed: referred to another organisation"),
        // An outcome a newer Intake knows and this service does not: nothing is undone on a guess.
        _ => (ClosureRule.Keep, $"the case was closed ({outcome})"),
    };

    public static TravelDecision Decide(ReunificationFile file, Flight? flight, CaseClosing closing)
    {
        if (IsOld(file, closing.CaseVersion)) return new([], []);
        var (rule, reason) = RuleFor(closing.Outcome);
        var cancels = rule == ClosureRule.Cancel && file.Member is not null && !file.Stage.IsOver();
        var followed = new CaseClosureFollowed(file.Id, closing.Outcome, rule, cancels, closing.CaseVersion, closing.OccurredAt);
        if (!cancels) return new([followed], []);
        var ended = EndReunification.Decide(file, flight, new EndReunification(false, reason, closing.OccurredAt));
        return new([followed, .. ended.FileEvents], ended.FlightEvents);
    }

    public static IReadOnlyList<object> Decide(ReunificationFile file, CaseReopening reopening)
    {
        if (IsOld(file, reopening.CaseVersion)) return [];
        var followed = new CaseReopeningFollowed(file.Id, reopening.CaseVersion, reopening.OccurredAt);
        if (!file.CancelledWithCase || file.Stage != ReunificationStage.Cancelled) return [followed];
        var stage = file.Plan is null ? ReunificationStage.Assessing : ReunificationStage.Planned;
        return [followed, new ReunificationResumed(file.Id, file.CenterId, stage, reopening.OccurredAt)];
    }

    private static bool IsOld(ReunificationFile file, long? version) => version is { } v && v <= file.CaseStatusVersion;
}
