using CaseFlow.Correspondence.Files.NotingCorrections;
using CaseFlow.Correspondence.Letters.Revising;
using static CaseFlow.Correspondence.Tests.Given;
using PersonDetailsCorrected = CaseFlow.Contracts.Intake.V1.PersonDetailsCorrected;

namespace CaseFlow.Correspondence.Tests.Files;

public sealed class NoteCorrectionTests
{
    private static PersonDetailsCorrected Corrected(long version, params string[] changed) =>
        new(CaseId, "kara-suu", Guid.NewGuid(), "applicant", changed, version, null, null, "adult", null, Sent);

    private static CaseFlow.Correspondence.Files.CorrespondenceFile After(CaseFlow.Correspondence.Files.CorrespondenceFile file, IEnumerable<object> events) =>
        events.Aggregate(file, CaseFlow.ServiceDefaults.Audit.StateFolder.Evolve<CaseFlow.Correspondence.Files.CorrespondenceFile>)!;

    [Fact]
    public void Given_an_unsent_draft_when_the_applicants_name_is_corrected_then_the_letter_is_flagged_until_revised()
    {
        var file = File(LetterWasDrafted());
        var events = NoteCorrection.Decide(file, Corrected(4, "fullName"));

        var flagged = After(file, events).Letters[LetterId];
        flagged.CorrectedSinceDraft.ShouldBe(["applicant.fullName"]);
        var revised = After(file, [.. events, new LetterRevised(CaseId, LetterId, Applicants("Subject"), Applicants("New body"), null, Sent)]);
        revised.Letters[LetterId].CorrectedSinceDraft.ShouldBeNull();
    }

    [Fact]
    public void Given_a_sent_letter_when_a_correction_arrives_then_it_stays_as_it_went_out() =>
        NoteCorrection.Decide(File(LetterWasDrafted(), ConsentWasNoted(), LetterWasSent()), Corrected(4, "fullName"))
            .ShouldHaveSingleItem().ShouldBeOfType<PersonCorrectionNoted>();

    [Fact]
    public void Given_a_newer_correction_noted_when_an_older_or_the_same_arrives_then_nothing_changes()
    {
        var file = File(LetterWasDrafted(), new PersonCorrectionNoted(CaseId, "applicant", ["phone"], 6, Sent));
        NoteCorrection.Decide(file, Corrected(5, "fullName")).ShouldBeEmpty();
        NoteCorrection.Decide(file, Corrected(6, "phone")).ShouldBeEmpty();
    }
}
