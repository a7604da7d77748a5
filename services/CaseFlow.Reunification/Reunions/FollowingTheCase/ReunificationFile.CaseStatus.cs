using CaseFlow.Reunification.Reunions.FollowingTheCase;

namespace CaseFlow.Reunification.Files;

public sealed partial record ReunificationFile
{
    /// <summary>The version of Intake's case stream of the last closure or reopening followed.</summary>
    public long CaseStatusVersion { get; init; }

    /// <summary>The reunification was called off by the case's closure (not by an operator): a reopening resumes it.</summary>
    public bool CancelledWithCase { get; init; }

    // Cancellations recorded before they carried WithCase have only this mark; newer ones carry the same answer.
    public ReunificationFile Apply(CaseClosureFollowed e) => OnEveryTrack(f => f with
    {
        CaseStatusVersion = e.CaseVersion ?? CaseStatusVersion,
        CancelledWithCase = e.Cancelled && (e.CancelledTracks is null ? f.TrackId == TrackId : e.CancelledTracks.Contains(f.TrackId ?? "")),
    });

    public ReunificationFile Apply(CaseReopeningFollowed e) => this with { CaseStatusVersion = e.CaseVersion ?? CaseStatusVersion };

    public ReunificationFile Apply(ReunificationResumed e) =>
        OnTrack(e.MemberId, f => (f with { EndReason = null, CancelledWithCase = false }).MovedTo(e.Stage, e.OccurredAt));
}
