using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Privacy.Consent;

namespace CaseFlow.ServiceDefaults.Tests.Privacy;

public sealed class SealedTests
{
    private static readonly Guid CaseId = Guid.NewGuid();

    [Fact]
    public void Subjects_are_derived_alike_everywhere_and_differ_per_person_and_case()
    {
        Subjects.Applicant(CaseId).ShouldBe(Subjects.Of(CaseId, "applicant"));
        Subjects.Member(CaseId, "son-1").ShouldBe(Subjects.Of(CaseId, "member:son-1"));
        new[] { Subjects.Applicant(CaseId), Subjects.Escort(CaseId), Subjects.Member(CaseId, "son-1"), Subjects.Applicant(Guid.NewGuid()) }
            .Distinct().Count().ShouldBe(4);
        Subjects.Applicant(CaseId).ToString()[14].ShouldBe('5'); // version 5
    }

    [Fact]
    public void A_value_of_several_people_keeps_them_in_one_order_and_equality_compares_people_and_value()
    {
        var (mother, son) = (Subjects.Applicant(CaseId), Subjects.Member(CaseId, "son-1"));
        var letter = Sealed.For([son, mother, son], "body");
        letter.Subjects.ShouldBe(new[] { mother, son }.Order().ToArray());
        letter.ShouldBe(Sealed.For([mother, son], "body"));
        letter.ShouldNotBe(Sealed.For([mother], "body"));
        letter.ShouldNotBe(letter.With("other body"));
        letter.With("other body").Subjects.ShouldBe(letter.Subjects);
        Should.Throw<ArgumentException>(() => Sealed.For(Array.Empty<Guid>(), "x"));
    }

    [Fact]
    public void Neither_ToString_nor_Shown_of_an_absent_value_leaks_anything()
    {
        var name = Sealed.For(Subjects.Applicant(CaseId), "Alima");
        name.ToString().ShouldNotContain("Alima");
        name.Shown().ShouldBe("Alima");
        ((Sealed<string>?)null).Shown().ShouldBe("");
        name.Or("x").ShouldBe("Alima");
    }

    [Fact]
    public void Sealed_values_are_found_inside_events_and_lists()
    {
        var applicant = Sealed.For(Subjects.Applicant(CaseId), "Alima");
        var member = Sealed.For(Subjects.Member(CaseId, "son-1"), "Aibek");
        SealedValues.In(new Holder(CaseId, applicant, [new Inner(member), new Inner(null)])).ShouldBe(new ISealed[] { applicant, member });
    }

    [Fact]
    public void The_newest_version_of_a_consent_counts_and_a_withdrawal_stops_later_disclosures()
    {
        var id = Guid.NewGuid();
        var given = DateTimeOffset.Parse("2020-04-20T09:00:00Z");
        var v1 = new SharingConsent(id, 1, ["consulate"], "return", given, null);
        var v2 = v1 with { Version = 2, WithdrawnAt = given.AddDays(10) };
        IReadOnlyList<SharingConsent> none = [];
        var consents = none.With(v2).With(v1).With(v2);
        consents.ShouldBe([v2]);
        none.With(v1).Require("consulate", given.AddDays(1), "the letter").ShouldBe(v1);
        Should.Throw<MissingConsent>(() => none.With(v1).Require("ministry", given.AddDays(1), "the letter to kg-mfa")).AgencyKind.ShouldBe("ministry");
        Should.Throw<MissingConsent>(() => none.With(v1).Require("consulate", given.AddDays(-1), "the letter"));
        Should.Throw<MissingConsent>(() => consents.Require("consulate", given.AddDays(11), "the letter"));
    }

    private sealed record Holder(Guid CaseId, Sealed<string> Name, IReadOnlyList<Inner> Members);

    private sealed record Inner(Sealed<string>? Name);
}
