using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.Correcting;
using CaseFlow.Reunification.Flights;
using CaseFlow.ServiceDefaults.Privacy;
using static CaseFlow.Reunification.Tests.Given;
using PersonDetailsCorrected = CaseFlow.Contracts.Intake.V1.PersonDetailsCorrected;

namespace CaseFlow.Reunification.Tests.Files;

public sealed class NoteCorrectionTests
{
    private static PersonDetailsCorrected Corrected(long version, string[] changed, string country = "Kazakhstan", string person = "member:son-1") =>
        new(CaseId, "kara-suu", Guid.NewGuid(), person, changed, version, "son", true, "child", country, At);

    [Fact]
    public void Given_a_separated_member_when_their_location_is_corrected_then_the_file_shows_the_new_country()
    {
        var file = File(Separated());
        var decision = NoteCorrection.Decide(file, [], Corrected(5, ["location"]));
        file.After(decision.FileEvents).Member!.Country.ShouldBe("Kazakhstan");
        file.After(decision.FileEvents).CorrectionVersions["member:son-1"].ShouldBe(5);
    }

    [Fact]
    public void Given_a_newer_correction_applied_when_an_older_one_arrives_then_it_changes_nothing()
    {
        var file = File(Separated());
        var newer = file.After(NoteCorrection.Decide(file, [], Corrected(7, ["location"], country: "Russia")).FileEvents);

        NoteCorrection.Decide(newer, [], Corrected(5, ["location"], country: "Kazakhstan")).FileEvents.ShouldBeEmpty();
        NoteCorrection.Decide(newer, [], Corrected(7, ["location"], country: "Russia")).FileEvents.ShouldBeEmpty();
        newer.Member!.Country.ShouldBe("Russia");
    }

    [Fact]
    public void Given_a_traveller_named_on_the_issued_manifest_when_their_name_is_corrected_then_the_manifest_line_is_marked_corrected()
    {
        var traveller = new Traveller(CaseId, "kara-suu", "member:son-1", true, null, Priorities.Normal, At);
        var line = new ManifestLine(CaseId, "kara-suu", true, Guid.NewGuid(), 1, Sealed.For(Guid.NewGuid(), "Emir"), null);
        var flight = Flight().Seated(traveller).With(new ManifestIssued(Guid.Empty, [line], At));

        var decision = NoteCorrection.Decide(File(Separated()), [flight], Corrected(5, ["fullName"]));

        var marked = decision.FlightEvents.ShouldHaveSingleItem().ShouldBeOfType<ManifestNameCorrected>();
        flight.With(marked).NamesCorrectedSinceIssue.ShouldBe([CaseId]);
        flight.With(marked).With(new ManifestIssued(flight.Id, [line], At)).NamesCorrectedSinceIssue.ShouldBeEmpty();
        NoteCorrection.Decide(File(Separated()), [flight], Corrected(5, ["caregiver"])).FlightEvents.ShouldBeEmpty();
    }
}
