using CaseFlow.Correspondence.Files.NotingConsent;
using CaseFlow.Correspondence.Letters;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Replies.FollowingUp;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using ConsentToShareRecorded = CaseFlow.Contracts.Intake.V1.ConsentToShareRecorded;

namespace CaseFlow.Correspondence.Tests.Consents;

/// <summary>A letter discloses the person's data to its agency: it goes out only under a consent in force for that kind of agency.</summary>
public sealed class ConsentOnEveryLetterTests
{
    private static readonly Guid SecondLetter = Guid.Parse("0195f0d0-0000-7000-8000-0000000000bb");
    private static readonly DateTimeOffset Withdrawn = Given.Sent.AddDays(1);

    private static SendLetter Send(Guid? letterId = null, DateTimeOffset? at = null) =>
        new(letterId ?? Given.LetterId, "post", "OUT-1", null, 14, at ?? Given.Sent);

    private static ConsentToShareRecorded Recorded(int version, DateTimeOffset? withdrawnAt = null) =>
        new(Given.CaseId, "kara-suu", Given.ConsentId, version, ["consulate"], "return of the child", Given.ConsentGiven, withdrawnAt,
            withdrawnAt ?? Given.ConsentGiven);

    [Fact]
    public void Given_no_consent_when_a_letter_is_sent_then_it_is_refused_naming_the_missing_consent()
    {
        var refused = Should.Throw<MissingConsent>(() => Given.File(Given.LetterWasDrafted()).When(Send()));
        refused.AgencyKind.ShouldBe("consulate");
        refused.Message.ShouldContain("Consulate General of Russia in Osh");
    }

    [Fact]
    public void Given_a_consent_for_ministries_only_when_a_letter_to_a_consulate_is_sent_then_it_is_refused()
    {
        Should.Throw<MissingConsent>(() => Given.File(Given.ConsentWasNoted(kinds: ["ministry"]), Given.LetterWasDrafted()).When(Send()))
            .AgencyKind.ShouldBe("consulate");
    }

    [Fact]
    public void Given_a_consent_given_after_the_letters_business_time_then_it_does_not_cover_the_letter()
    {
        var givenLater = Given.ConsentWasNoted();
        givenLater = givenLater with { Consent = givenLater.Consent with { GivenAt = Given.Sent.AddDays(1) } };
        Should.Throw<MissingConsent>(() => Given.File(givenLater, Given.LetterWasDrafted()).When(Send()));
    }

    [Fact]
    public void Given_a_consent_in_force_when_a_letter_is_sent_then_it_records_the_consent_and_its_version()
    {
        var file = Given.File(Given.ConsentWasNoted(), Given.ConsentWasNoted(version: 2), Given.LetterWasDrafted());

        var sent = (LetterSent)file.When(Send()).Single();

        (sent.ConsentId, sent.ConsentVersion).ShouldBe((Given.ConsentId, 2));
        Given.File(Given.ConsentWasNoted(version: 2), Given.LetterWasDrafted(), sent).Letters[Given.LetterId].Consent
            .ShouldBe(new ConsentUsed(Given.ConsentId, 2));
    }

    [Fact]
    public void Given_a_withdrawn_consent_when_the_next_letter_is_sent_then_it_is_refused_and_the_earlier_letter_keeps_its_version()
    {
        var file = Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(), Given.LetterWasSent(),
            Given.ConsentWasNoted(version: 2, withdrawnAt: Withdrawn), Given.LetterWasDrafted() with { LetterId = SecondLetter });

        Should.Throw<MissingConsent>(() => file.When(Send(SecondLetter, Withdrawn.AddHours(1))));
        file.Letters[Given.LetterId].Consent.ShouldBe(new ConsentUsed(Given.ConsentId, 1));
        file.Letters[Given.LetterId].Status.ShouldBe(LetterStatus.Sent);
    }

    [Fact]
    public void Given_a_withdrawn_consent_when_a_follow_up_is_sent_then_it_is_refused_too()
    {
        var file = Given.File(Given.ConsentWasNoted(), Given.LetterWasDrafted(), Given.LetterWasSent(),
            Given.ConsentWasNoted(version: 2, withdrawnAt: Withdrawn));

        Should.Throw<MissingConsent>(() => file.When(new SendFollowUp(Given.LetterId, "e-mail", "OUT-1/2", "", null, 10, Withdrawn.AddDays(1))));
    }

    [Fact]
    public void Given_a_noted_version_when_it_is_redelivered_or_an_older_one_arrives_then_nothing_changes()
    {
        var file = Given.File(Given.ConsentWasNoted(version: 2, kinds: ["consulate"], withdrawnAt: Withdrawn));

        NoteConsentToShare.Note(file, Recorded(2, Withdrawn)).ShouldBeEmpty();
        NoteConsentToShare.Note(file, Recorded(1)).ShouldBeEmpty();
        file.Consents.Single().WithdrawnAt.ShouldBe(Withdrawn);
    }

    [Fact]
    public void Given_a_new_version_when_it_arrives_then_it_is_noted_and_replaces_the_older_one()
    {
        var file = Given.File(Given.ConsentWasNoted(kinds: ["consulate"]));

        var events = NoteConsentToShare.Note(file, Recorded(2, Withdrawn));

        var noted = events.ShouldHaveSingleItem().ShouldBeOfType<SharingConsentNoted>();
        (noted.Consent.ConsentId, noted.Consent.Version, noted.Consent.WithdrawnAt).ShouldBe((Given.ConsentId, 2, (DateTimeOffset?)Withdrawn));
        var after = Given.File([Given.ConsentWasNoted(kinds: ["consulate"]), .. events]);
        after.Consents.ShouldHaveSingleItem().Version.ShouldBe(2);
    }

    [Fact]
    public void Given_no_file_yet_when_a_consent_arrives_then_the_message_fails_to_be_retried()
    {
        Should.Throw<InvalidOperationException>(() => NoteConsentToShare.Note(null, Recorded(1)));
    }

}
