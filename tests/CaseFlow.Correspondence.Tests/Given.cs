using CaseFlow.Correspondence.Files;
using CaseFlow.Correspondence.Files.Opening;
using CaseFlow.Correspondence.Letters.Approving;
using CaseFlow.Correspondence.Letters.Drafting;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Tests;

/// <summary>Builds a file from past events, as Marten would fold them, so each test starts from a history.</summary>
public static class Given
{
    public static readonly Guid CaseId = Guid.Parse("0195f0d0-0000-7000-8000-000000000001");
    public static readonly Guid LetterId = Guid.Parse("0195f0d0-0000-7000-8000-0000000000aa");
    public static readonly DateTimeOffset Opened = new(2020, 4, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Drafted = new(2020, 4, 10, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Sent = new(2020, 4, 12, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Due = new(2020, 4, 26);
    public static readonly Caller Supervisor = new("coordinator-dina", Caller.Supervisor, null);
    public static readonly Caller Operator = new("lawyer-aigul", Caller.Operator, "kara-suu");

    public static CorrespondenceFile File(params object[] events)
    {
        var file = CorrespondenceFile.Create(new CorrespondenceFileOpened(CaseId, "kara-suu", Opened));
        foreach (var e in events) file = Fold(file, e);
        return file;
    }

    public static LetterDrafted LetterWasDrafted(string kind = "information-request") =>
        new(CaseId, LetterId, "ru-consulate-osh", "Consulate General of Russia in Osh", kind, "ru", null, "Subject", "Body", Drafted);

    public static LetterApproved LetterWasApproved() => new(CaseId, LetterId, Supervisor.User, "", Drafted.AddHours(1));

    public static LetterSent LetterWasSent(DateOnly? due = null) => new(CaseId, "kara-suu", LetterId, "ru-consulate-osh",
        "Consulate General of Russia in Osh", "information-request", "Subject", "post", "OUT-1", due ?? Due, Sent);

    public static ReplyReceived ReplyWasReceived() => new(CaseId, "kara-suu", LetterId, "ru-consulate-osh", "Consulate General of Russia in Osh",
        "information-request", "IN-7", "refused", "Entry only for relatives who are Russian citizens", Sent, Sent.AddDays(9));

    /// <summary>Each event applied by the file's own Apply method, found by the event's type.</summary>
    private static CorrespondenceFile Fold(CorrespondenceFile file, object e)
    {
        var apply = typeof(CorrespondenceFile).GetMethod("Apply", [e.GetType()])
            ?? throw new InvalidOperationException($"CorrespondenceFile has no Apply({e.GetType().Name})");
        return (CorrespondenceFile)apply.Invoke(file, [e])!;
    }
}
