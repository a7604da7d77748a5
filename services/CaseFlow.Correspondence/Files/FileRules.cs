using CaseFlow.Correspondence.Files.Closing;
using CaseFlow.Correspondence.Files.Moving;

namespace CaseFlow.Correspondence.Files;

/// <summary>How the file follows its case at Intake. A file not yet opened (its CaseOpened still on the way) is left alone.</summary>
public static class FileRules
{
    public static IReadOnlyList<object> Move(CorrespondenceFile? file, string toCenterId, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.CenterId == toCenterId ? [] : [new CorrespondenceFileMoved(file.Id, file.CenterId, toCenterId, occurredAt)];
    }

    public static IReadOnlyList<object> Close(CorrespondenceFile? file, string outcome, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.Closed ? [] : [new CorrespondenceFileClosed(file.Id, outcome, occurredAt)];
    }

    public static IReadOnlyList<object> Reopen(CorrespondenceFile? file, DateTimeOffset occurredAt)
    {
        if (file is null) throw new InvalidOperationException("the case's file is not open yet; the message will be retried");
        return file.Closed ? [new CorrespondenceFileReopened(file.Id, occurredAt)] : [];
    }
}
