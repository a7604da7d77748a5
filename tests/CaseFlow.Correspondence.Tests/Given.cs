using CaseFlow.Correspondence.Files;
using CaseFlow.Correspondence.Files.NotingConsent;
using CaseFlow.Correspondence.Files.Opening;
using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Letters.Approving;
using CaseFlow.Correspondence.Letters.Drafting;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Correspondence.Tests;

/// <summary>Builds a file from past events, folded as the service folds them, so each test starts from a history.</summary>
public static class Given
{
    public static readonly Guid CaseId = Guid.Parse("0195f0d0-0000-7000-8000-000000000001");
    public static readonly Guid LetterId = Guid.Parse("0195f0d0-0000-7000-8000-0000000000aa");
    public static readonly DateTimeOffset Opened = new(2020, 4, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Drafted = new(2020, 4, 10, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Sent = new(2020, 4, 12, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Due = new(2020, 4, 26);
    public static readonly Guid ConsentId = Guid.Parse("0195f0d0-0000-7000-8000-0000000000cc");
    public static readonly DateTimeOffset ConsentGiven = new(2020, 4, 3, 9, 0, 0, TimeSpan.Zero);
    public static readonly Caller Supervisor = new("coordinator-dina", Caller.Supervisor, null);

    /// <summary>Text about the applicant, sealed under their key as the service seals it.</summary>
    public static Sealed<string> Applicants(string text) => Sealed.For(Subjects.Applicant(CaseId), text);

    /// <summary>An event the file has no Apply for fails the test instead of being skipped.</summary>
    public static CorrespondenceFile File(params object[] events) =>
        events.Aggregate(StateFolder.Evolve<CorrespondenceFile>(null, new CorrespondenceFileOpened(CaseId, "kara-suu", Opened)),
            StateFolder.Evolve<CorrespondenceFile>);

    /// <summary>What the command decides on the file as its history left it.</summary>
    public static IReadOnlyList<object> When(this CorrespondenceFile file, ILetterCommand command) => command.Decide(file);

    public static LetterDrafted LetterWasDrafted(string kind = "information-request") =>
        new(CaseId, LetterId, "ru-consulate-osh", "Consulate General of Russia in Osh", kind, "ru", null, Applicants("Subject"), Applicants("Body"), Drafted, "consulate");

    /// <summary>The person agreed to share their data with consulates and ministries (version 1 unless told).</summary>
    public static SharingConsentNoted ConsentWasNoted(int version = 1, string[]? kinds = null, DateTimeOffset? withdrawnAt = null) =>
        new(CaseId, new SharingConsent(ConsentId, version, kinds ?? ["consulate", "ministry"], "return of the child", ConsentGiven, withdrawnAt),
            withdrawnAt ?? ConsentGiven);

    public static LetterApproved LetterWasApproved() => new(CaseId, LetterId, Supervisor.User, null, Drafted.AddHours(1));

    public static LetterSent LetterWasSent(DateOnly? due = null) => new(CaseId, "kara-suu", LetterId, "ru-consulate-osh",
        "Consulate General of Russia in Osh", "information-request", Applicants("Subject"), "post", "OUT-1", due ?? Due, Sent, ConsentId, 1);

    /// <summary>When a day ends at the Kyrgyz centers (UTC+6): 18:00 UTC.</summary>
    public static DateTimeOffset MidnightInBishkekAfter(DateOnly day) => new(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);

    public static ReplyReceived ReplyWasReceived() => new(CaseId, "kara-suu", LetterId, "ru-consulate-osh", "Consulate General of Russia in Osh",
        "information-request", "IN-7", "refused", Applicants("Entry only for relatives who are Russian citizens"), Sent, Sent.AddDays(9));
}
