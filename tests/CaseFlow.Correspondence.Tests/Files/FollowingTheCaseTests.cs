using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Files.Moving;

namespace CaseFlow.Correspondence.Tests.Files;

public sealed class FollowingTheCaseTests
{
    private static readonly DateTimeOffset At = Given.Sent.AddDays(3);

    [Fact]
    public void Given_a_case_transferred_to_another_center_then_the_file_moves_there_once()
    {
        var moved = new CorrespondenceFileMoved(Given.CaseId, "kara-suu", "batken", At);
        MoveFileWhenCaseTransferred.Move(Given.File(), "batken", At).ShouldBe([moved]);
        MoveFileWhenCaseTransferred.Move(Given.File(moved), "batken", At).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_closed_case_then_the_file_closes_once_and_reopens_with_the_case()
    {
        var closed = Given.File(new CorrespondenceFileClosed(Given.CaseId, "reunified", At));
        FollowCaseClosing.Close(Given.File(), "reunified", At).ShouldBe([new CorrespondenceFileClosed(Given.CaseId, "reunified", At)]);
        FollowCaseClosing.Close(closed, "reunified", At).ShouldBeEmpty();
        FollowCaseClosing.Reopen(closed, At).ShouldBe([new CorrespondenceFileReopened(Given.CaseId, At)]);
        FollowCaseClosing.Reopen(Given.File(), At).ShouldBeEmpty();
    }

    [Fact]
    public void Given_no_file_yet_then_the_message_is_retried_later()
    {
        Should.Throw<InvalidOperationException>(() => MoveFileWhenCaseTransferred.Move(null, "batken", At));
    }
}
