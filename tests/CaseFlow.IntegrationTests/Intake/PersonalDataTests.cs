using System.Net;
using CaseFlow.IntegrationTests.Harness;
using Npgsql;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>Intake's personal data: sealed in the store, still found by name, erasable, and shared only under a consent.</summary>
public sealed class PersonalDataTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Operator => system.Intake.Json(system.Token());
    private JsonApi Supervisor => system.Intake.Json(system.Token(role: "supervisor", center: null, user: "coordinator"));
    private JsonApi Auditor => system.Intake.Json(system.Token(role: "auditor", center: null, user: "donor-auditor"));

    private static string Id() => Guid.NewGuid().ToString();

    private sealed record Person(string Name, string Passport, string Phone);

    private static Person Unique()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        // Each person their own phone: the duplicate warning matches a phone too.
        var phone = "+996" + string.Concat(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('0' + b % 10)));
        return new Person($"Zarina Qx{unique}", $"AN{unique.ToUpperInvariant()}", phone);
    }

    private async Task<string> Register(Person person, string birthDate = "1990-01-02")
    {
        var caseId = (await Operator.OpenCase(IntakeCalls.NewCase(name: person.Name))).Str("caseId");
        await Register(caseId, person, birthDate);
        return caseId;
    }

    private Task<System.Text.Json.Nodes.JsonObject> Register(string caseId, Person person, string birthDate = "1990-01-02") =>
        Operator.Post($"/v1/cases/{caseId}/applicant", new
        {
            requestId = Id(),
            applicant = new
            {
                fullName = person.Name, birthDate, sex = "female", phone = person.Phone,
                documents = new[] { new { kind = "passport", number = person.Passport } },
            },
        }).Ok();

    /// <summary>Every row of a table of Intake's schema, as the database holds it.</summary>
    private async Task<string> Stored(string table)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select coalesce(string_agg(data::text, ' '), '') from {system.Schema(system.Intake)}.{table}", connection);
        return ((string)(await command.ExecuteScalarAsync())!).ToLowerInvariant();
    }

    private async Task<IReadOnlyList<string>> Found(string name) =>
        (await Supervisor.Get($"/v1/cases?name={Uri.EscapeDataString(name)}").Ok())["cases"]!.AsArray().Select(c => c!["caseId"]!.ToString()).ToList();

    [Fact]
    public async Task The_store_holds_neither_name_nor_passport_in_plaintext_yet_search_and_the_duplicate_warning_work()
    {
        var person = Unique();
        var caseId = await Register(person);

        foreach (var table in new[] { "mt_events", "mt_doc_case" })
        {
            var stored = await Stored(table);
            stored.ShouldNotContain(person.Name.ToLowerInvariant());
            stored.ShouldNotContain(person.Passport.ToLowerInvariant());
            stored.ShouldNotContain(person.Phone);
        }
        (await Found(person.Name[7..15].ToUpperInvariant())).ShouldBe([caseId]);
        (await Found(person.Name + "z")).ShouldBeEmpty();

        var again = (await Operator.OpenCase(IntakeCalls.NewCase(name: "someone"))).Str("caseId");
        var duplicates = (await Register(again, person))["possibleDuplicates"]!.AsArray();
        duplicates.ShouldHaveSingleItem()!["caseId"]!.ToString().ShouldBe(caseId);
        duplicates[0]!["fullName"]!.ToString().ShouldBe(person.Name);
        var namesake = Unique() with { Name = person.Name };
        (await Register((await Operator.OpenCase(IntakeCalls.NewCase())).Str("caseId"), namesake, "1991-01-02"))["possibleDuplicates"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_erased_applicant_shows_as_erased_is_no_longer_found_and_the_history_still_verifies()
    {
        var person = Unique();
        var caseId = await Register(person);
        var erase = new { requestId = Id(), person = "applicant", reason = "her written request", legalBasis = "GDPR art. 17(1)(a)" };

        (await Operator.Post($"/v1/cases/{caseId}/erasures", erase)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Supervisor.Post($"/v1/cases/{caseId}/erasures", new { requestId = Id(), person = "son-9", reason = "r", legalBasis = "b" }))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        await Supervisor.Post($"/v1/cases/{caseId}/erasures", erase).Ok();

        var details = await Supervisor.Get($"/v1/cases/{caseId}").Ok();
        details.Str("applicantName").ShouldBe("[erased]");
        details["applicant"]!["fullName"]!.ToString().ShouldBe("[erased]");
        details["applicant"]!["sex"]!.ToString().ShouldBe("female");
        details["erasedPeople"]!.AsArray().Select(p => p!.ToString()).ShouldBe(["applicant"]);
        (await Supervisor.Get($"/v1/cases/{caseId}/timeline").Ok()).ToJsonString().ShouldNotContain(person.Name);
        (await Found(person.Name)).ShouldBeEmpty();
        var twin = (await Operator.OpenCase(IntakeCalls.NewCase())).Str("caseId");
        (await Register(twin, person))["possibleDuplicates"]!.AsArray().ShouldBeEmpty();

        var events = await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", Guid.Parse(caseId));
        await Supervisor.Post($"/v1/cases/{caseId}/erasures", erase with { requestId = Id() }).Ok();
        (await system.Count(system.Intake, "mt_events", "stream_id = $1::uuid", Guid.Parse(caseId))).ShouldBe(events);

        var verification = await Auditor.Get($"/v1/cases/{caseId}/verify").Ok();
        verification["intact"]!.GetValue<bool>().ShouldBeTrue();

        var correction = await Operator.Put($"/v1/cases/{caseId}/applicant", new
        {
            requestId = Id(), reason = "new phone", applicant = new { fullName = person.Name, phone = "+996700000000" },
        });
        ((int)correction.Status).ShouldBe(412, correction.Body);
    }

    [Fact]
    public async Task A_referral_needs_a_consent_in_force_records_its_version_and_is_refused_after_withdrawal()
    {
        var caseId = (await Operator.OpenCase(IntakeCalls.NewCase())).Str("caseId");
        var referral = new { requestId = Id(), referredTo = "Red Crescent", reason = "shelter", consentGiven = true };

        var refused = await Operator.Post($"/v1/cases/{caseId}/referrals", referral);
        ((int)refused.Status).ShouldBe(412, refused.Body);
        refused.Body.ShouldContain("consent");
        refused.Body.ShouldContain("service-provider");

        var consent = await Operator.Post($"/v1/cases/{caseId}/consents", new
        {
            requestId = Id(), agencyKinds = new[] { "service-provider", "consulate" }, purpose = "shelter and return", note = "form 12",
        }).Ok();
        consent["consentVersion"]!.GetValue<int>().ShouldBe(1);
        var consentId = consent.Str("consentId");
        await Operator.Post($"/v1/cases/{caseId}/referrals", referral).Ok();
        (await system.Count(system.Intake, "mt_events",
            "stream_id = $1::uuid and data ->> 'ConsentId' = $2 and data ->> 'ConsentVersion' = '1' and data ? 'ReferredTo'",
            Guid.Parse(caseId), consentId)).ShouldBe(1);

        var withdrawn = await Operator.Post($"/v1/cases/{caseId}/consents/{consentId}/withdraw", new { requestId = Id(), reason = "changed her mind" }).Ok();
        withdrawn["consentVersion"]!.GetValue<int>().ShouldBe(2);
        ((int)(await Operator.Post($"/v1/cases/{caseId}/referrals", referral with { requestId = Id() })).Status).ShouldBe(412);

        var shown = (await Operator.Get($"/v1/cases/{caseId}").Ok())["consents"]!.AsArray().ShouldHaveSingleItem()!;
        (shown["version"]!.GetValue<int>(), shown["note"]!.ToString()).ShouldBe((2, "form 12"));
        shown["withdrawnAt"].ShouldNotBeNull();
    }
}
