using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.SharingConsents;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Flights.IssuingManifest;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Privacy.Consent;
using ConsentToShareRecorded = CaseFlow.Contracts.Intake.V1.ConsentToShareRecorded;
using static CaseFlow.Reunification.Tests.Given;

namespace CaseFlow.Reunification.Tests.Flights;

public sealed class IssueManifestTests
{
    private static readonly Guid ConsentId = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    private static readonly Dictionary<(Guid, string), string> Names = new() { [(CaseId, "member:son-1")] = "Son of Alima" };

    private static ConsentToShareRecorded Consent(int version, string[] kinds, DateTimeOffset? withdrawnAt = null) =>
        new(CaseId, "kara-suu", ConsentId, version, kinds, "return of the child", At.AddDays(-1), withdrawnAt, At);

    private static ReunificationFile Noting(ReunificationFile file, params ConsentToShareRecorded[] versions) =>
        versions.Aggregate(file, (f, v) => f.After(NoteSharingConsent.Decide(f, v)));

    private static ManifestLine Issued(ReunificationFile file, DateTimeOffset at) =>
        IssueManifest.Decide(Flight().Seated(Traveller(caseId: CaseId) with { Escort = Escorts("the escort") }),
                new Dictionary<Guid, ReunificationFile> { [CaseId] = file }, Names, new IssueManifest(at))
            .ShouldHaveSingleItem().ShouldBeOfType<ManifestIssued>().Travellers.ShouldHaveSingleItem();

    [Fact]
    public void Given_no_consent_when_issuing_then_the_traveller_is_listed_by_case_number_only()
    {
        var line = Issued(File(ReadyChild()), At);
        line.CaseId.ShouldBe(CaseId);
        (line.Name, line.Escort, line.ConsentId).ShouldBe((null, null, null));
    }

    [Fact]
    public void Given_a_consent_covering_the_carrier_then_the_traveller_is_named_under_its_version_sealed_as_the_member()
    {
        var line = Issued(Noting(File(ReadyChild()), Consent(1, ["carrier", "ministry"])), At);
        (line.ConsentId, line.ConsentVersion).ShouldBe((ConsentId, 1));
        line.Name!.Value.ShouldBe("Son of Alima");
        line.Name.Subjects.ShouldBe([Subjects.Member(CaseId, "son-1")]);
        line.Escort!.Subjects.ShouldBe([Subjects.Escort(CaseId)]);
    }

    [Fact]
    public void Given_a_consent_for_consulates_only_then_the_carrier_gets_the_case_number_only() =>
        Issued(Noting(File(ReadyChild()), Consent(1, ["consulate"])), At).Name.ShouldBeNull();

    [Fact]
    public void Given_a_consent_given_after_the_business_time_then_it_does_not_cover_the_manifest() =>
        Issued(Noting(File(ReadyChild()), Consent(1, ["carrier"])), At.AddDays(-2)).Name.ShouldBeNull();

    [Fact]
    public void Given_a_newer_version_without_the_carrier_then_the_next_manifest_names_nobody() =>
        Issued(Noting(File(ReadyChild()), Consent(1, ["carrier"]), Consent(2, ["consulate"])), At).Name.ShouldBeNull();

    [Fact]
    public void Given_a_withdrawal_then_the_next_manifest_names_nobody_and_the_issued_one_is_unchanged()
    {
        var consented = Noting(File(ReadyChild()), Consent(1, ["carrier"]));
        var flight = Flight().Seated(Traveller(caseId: CaseId));
        var issued = flight.With([.. IssueManifest.Decide(flight, new Dictionary<Guid, ReunificationFile> { [CaseId] = consented }, Names, new IssueManifest(At))]);

        var withdrawn = Noting(consented, Consent(2, ["carrier"], withdrawnAt: At.AddHours(1)));

        Issued(withdrawn, At.AddHours(2)).Name.ShouldBeNull();
        issued.IssuedManifest!.Travellers.Single().ShouldSatisfyAllConditions(
            l => l.Name!.Value.ShouldBe("Son of Alima"), l => l.ConsentVersion.ShouldBe(1));
    }

    [Fact]
    public void Given_a_redelivered_or_older_version_then_nothing_is_noted()
    {
        var file = Noting(File(ReadyChild()), Consent(2, ["carrier"]));
        NoteSharingConsent.Decide(file, Consent(2, ["carrier"])).ShouldBeEmpty();
        NoteSharingConsent.Decide(file, Consent(1, ["consulate"])).ShouldBeEmpty();
        file.SharingConsents.ShouldHaveSingleItem().Version.ShouldBe(2);
    }

    [Fact]
    public void Given_a_cancelled_flight_then_no_manifest_is_issued() =>
        Should.Throw<CaseFlow.ServiceDefaults.Errors.RuleViolated>(() => IssueManifest.Decide(
            Flight().With(new FlightCancelled(Guid.Empty, "closed", At)), new Dictionary<Guid, ReunificationFile>(), Names, new IssueManifest(At)));
}
