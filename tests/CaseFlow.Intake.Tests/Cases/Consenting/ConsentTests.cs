using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases.Consenting;
using CaseFlow.Intake.Cases.Referring;
using CaseFlow.ServiceDefaults.Privacy.Consent;

namespace CaseFlow.Intake.Tests.Cases.Consenting;

public sealed class ConsentTests
{
    private static readonly Guid NewId = Guid.Parse("0192c5a0-0000-7000-8000-0000000000c1");

    private static GiveConsent Give(string kind, int day, Guid? consentId = null) =>
        new(consentId, NewId, [kind], "return of the child", "signed form 12", Given.Day(day));

    private static ReferCase Refer(int day) => new("Red Crescent", "shelter", true, null, Given.Day(day));

    [Fact]
    public void Given_a_new_consent_then_it_is_version_1_and_a_new_version_replaces_what_it_covers()
    {
        var state = Given.OpenCase();
        var first = state.Then(GiveConsentRules.Decide(state, Give("consulate", 1)));
        first.Consents.ShouldHaveSingleItem().Version.ShouldBe(1);

        var second = first.Then(GiveConsentRules.Decide(first, Give("service-provider", 2, NewId)));

        var consent = second.Consents.ShouldHaveSingleItem();
        (consent.ConsentId, consent.Version, consent.AgencyKinds.Single()).ShouldBe((NewId, 2, "service-provider"));
        second.ConsentNotes.ShouldHaveSingleItem().Note.Subjects.ShouldBe([Given.Applicant]);
    }

    [Fact]
    public void Given_a_consent_when_withdrawing_then_a_new_version_is_withdrawn_at_the_business_time_and_again_nothing_happens()
    {
        var state = Given.OpenCase();
        state = state.Then(GiveConsentRules.Decide(state, Give("service-provider", 1)));

        var withdrawn = state.Then(WithdrawConsentRules.Decide(state, new WithdrawConsent(NewId, "changed her mind", Given.Day(3))));

        var consent = withdrawn.Consents.ShouldHaveSingleItem();
        (consent.Version, consent.WithdrawnAt).ShouldBe((2, Given.Day(3)));
        WithdrawConsentRules.Decide(withdrawn, new WithdrawConsent(NewId, null, Given.Day(4))).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_unknown_consent_when_giving_a_version_of_it_or_withdrawing_it_then_it_is_not_found()
    {
        var state = Given.OpenCase();
        Should.Throw<NotFound>(() => GiveConsentRules.Decide(state, Give("consulate", 1, Guid.NewGuid())));
        Should.Throw<NotFound>(() => WithdrawConsentRules.Decide(state, new WithdrawConsent(Guid.NewGuid(), null, Given.Day(1))));
    }

    [Fact]
    public void Given_unknown_agency_kinds_or_no_purpose_then_each_field_is_named()
    {
        var request = new GiveConsentRequest { CaseId = Given.CaseId.ToString(), AgencyKinds = { "consulate", "bank" } };

        Should.Throw<InvalidInput>(() => GiveConsentRules.Parse(request, NewId, Given.Day(1)))
            .Problems.Select(p => p.Field).ShouldBe(["agencyKinds[1]", "purpose"]);
    }

    [Fact]
    public void Given_no_consent_or_one_for_other_agencies_when_referring_then_it_is_refused_naming_the_consent()
    {
        var state = Given.OpenCase();
        Should.Throw<MissingConsent>(() => ReferCaseRules.Decide(state, Refer(1))).AgencyKind.ShouldBe("service-provider");

        var consulateOnly = state.Then(GiveConsentRules.Decide(state, Give("consulate", 1)));
        Should.Throw<MissingConsent>(() => ReferCaseRules.Decide(consulateOnly, Refer(2)));
    }

    [Fact]
    public void Given_a_consent_in_force_when_referring_then_the_referral_records_its_version_and_after_withdrawal_it_is_refused()
    {
        var state = Given.OpenCase();
        state = state.Then(GiveConsentRules.Decide(state, Give("service-provider", 1)));

        var referred = ReferCaseRules.Decide(state, Refer(2)).ShouldHaveSingleItem().ShouldBeOfType<CaseReferred>();
        (referred.ConsentId, referred.ConsentVersion).ShouldBe((NewId, 1));
        Should.Throw<MissingConsent>(() => ReferCaseRules.Decide(state, Refer(0)), "before the consent was given");

        var withdrawn = state.Then([referred]).Then(WithdrawConsentRules.Decide(state, new WithdrawConsent(NewId, null, Given.Day(3))));
        Should.Throw<MissingConsent>(() => ReferCaseRules.Decide(withdrawn, Refer(4)));
        withdrawn.Referrals.ShouldHaveSingleItem().ConsentVersion.ShouldBe(1);
    }
}
