using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.Intake;

/// <summary>SearchCases and the duplicate warning through the API: every key, Cyrillic and Latin alike, within the caller's centers.</summary>
public sealed class SearchTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    private JsonApi Intake(string center = "kara-suu") => system.Intake.Json(system.Token(center: center));
    private JsonApi Supervisor => system.Intake.Json(system.Token(role: "supervisor", center: null, user: "coordinator"));

    private static string Id() => Guid.NewGuid().ToString();

    /// <summary>A unique word in Cyrillic and its Latin transliteration (letters that transliterate one to one).</summary>
    private static (string Cyrillic, string Latin) UniqueWord()
    {
        const string cyrillic = "\u0430\u0431\u0434\u0435\u043a\u043b\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0432\u0437\u0444", latin = "abdeklmnoprstvzf";
        var hex = Guid.NewGuid().ToString("N")[..10];
        var indexes = hex.Select(c => Convert.ToInt32(c.ToString(), 16)).ToList();
        return (string.Concat(indexes.Select(i => cyrillic[i])), string.Concat(indexes.Select(i => latin[i])));
    }

    private static string UniqueDigits() => string.Concat(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('0' + b % 10)));

    private async Task<string> CaseOf(JsonApi intake, string center, string name, string? passport = null, string? phone = null,
        string birthDate = "1988-02-11")
    {
        var caseId = (await intake.OpenCase(IntakeCalls.NewCase(center: center, name: name))).Str("caseId");
        await Register(intake, caseId, name, passport, phone, birthDate);
        return caseId;
    }

    private static Task<JsonObject> Register(JsonApi intake, string caseId, string name, string? passport, string? phone,
        string birthDate = "1988-02-11") =>
        intake.Post($"/v1/cases/{caseId}/applicant", new
        {
            requestId = Id(),
            applicant = new
            {
                fullName = name, birthDate, sex = "female", phone,
                documents = passport is null ? Array.Empty<object>() : [new { kind = "passport", number = passport }],
            },
        }).Ok();

    private static async Task<Dictionary<string, string[]>> Search(JsonApi intake, string query, string key = "")
    {
        var answer = await intake.Get($"/v1/case-search?query={Uri.EscapeDataString(query)}&key={key}").Ok();
        return (answer["matches"]?.AsArray() ?? []).ToDictionary(
            m => m!["summary"]!["caseId"]!.ToString(), m => m!["matchedOn"]!.AsArray().Select(k => k!.ToString()).ToArray());
    }

    [Fact]
    public async Task A_case_is_found_by_document_phone_name_family_member_letter_reference_and_case_number()
    {
        var operatorToken = system.Token();
        var intake = Intake();
        var word = UniqueWord().Latin;
        var digits = UniqueDigits();
        var passport = $"AN{digits}";
        var phoneDigits = UniqueDigits();
        var phone = $"+996 {phoneDigits}";
        var caseId = await CaseOf(intake, "kara-suu", $"Alima {word}", passport, phone);
        var member = UniqueWord().Latin;
        await intake.Post($"/v1/cases/{caseId}/family", new
        {
            requestId = Id(), member = new { memberId = "son-1", relationship = "son", fullName = $"Emir {member}", birthDate = "2018-01-05" },
        }).Ok();

        (await Search(intake, $"an {digits[..3]}-{digits[3..]}"))[caseId].ShouldBe(["document"]);
        (await Search(intake, $"0{phoneDigits}"))[caseId].ShouldBe(["phone"]);
        (await Search(intake, word.ToUpperInvariant()))[caseId].ShouldBe(["name"]);
        (await Search(intake, member[2..8]))[caseId].ShouldBe(["member"]);
        (await Search(intake, caseId))[caseId].ShouldBe(["case"]);
        (await Search(intake, passport, key: "phone")).ShouldBeEmpty();
        (await Search(intake, word + "x")).ShouldBeEmpty();

        await CorrespondenceLetters.CorrespondenceCalls.GiveConsent(system, operatorToken, caseId);
        await Eventually.True(async () => await system.Correspondence.Json(operatorToken).Find($"/v1/cases/{caseId}/correspondence") is not null,
            "the correspondence file");
        var letterId = (await system.Correspondence.Json(operatorToken).Post($"/v1/cases/{caseId}/letters", new
        {
            requestId = Id(), agencyId = "ru-consulate-osh", language = "ru", kind = "information-request", subject = "О въезде", body = "Просим сообщить.",
        }).Ok()).Str("letterId");
        var reference = $"MFA-{UniqueDigits()}";
        var number = (await system.Correspondence.Json(operatorToken).Post($"/v1/cases/{caseId}/letters/{letterId}/sending",
            new { requestId = Id(), channel = "e-mail", outgoingReference = reference }).Ok()).Str("registerNumber");

        await Eventually.True(async () => (await Search(intake, number.ToLowerInvariant())).ContainsKey(caseId), "the letter's register number found");
        (await Search(intake, reference, key: "letter"))[caseId].ShouldBe(["letter"]);
    }

    [Fact]
    public async Task Cyrillic_finds_latin_and_latin_finds_cyrillic_in_search_and_in_the_duplicate_warning()
    {
        var intake = Intake();
        var (cyrillic, latin) = UniqueWord();
        var written = await CaseOf(intake, "kara-suu", $"Алима {cyrillic}");
        var member = UniqueWord();
        await intake.Post($"/v1/cases/{written}/family", new
        {
            requestId = Id(), member = new { memberId = "son-1", relationship = "son", fullName = $"Emir {member.Latin}" },
        }).Ok();

        (await Search(intake, $"Alima {latin}")).Keys.ShouldBe([written]);
        (await Search(intake, $"Эмир {member.Cyrillic}", key: "member")).Keys.ShouldBe([written]);
        (await Supervisor.Get($"/v1/cases?name={Uri.EscapeDataString(latin)}").Ok())["cases"]!.AsArray()
            .Select(c => c!["caseId"]!.ToString()).ShouldBe([written]);

        var again = (await intake.OpenCase(IntakeCalls.NewCase(name: "someone"))).Str("caseId");
        var duplicates = (await Register(intake, again, $"Alima {latin}", null, null))["possibleDuplicates"]!.AsArray();
        duplicates.ShouldHaveSingleItem()!["caseId"]!.ToString().ShouldBe(written);
        duplicates[0]!["matchedOn"]!.AsArray().Select(k => k!.ToString()).ShouldBe(["name"]);
    }

    [Fact]
    public async Task An_operator_finds_only_their_own_centers_cases_and_sees_another_centers_duplicate_without_its_personal_data()
    {
        var passport = $"ID{UniqueDigits()}";
        var name = $"Aigerim {UniqueWord().Latin}";
        var osh = await CaseOf(Intake("osh"), "osh", name, passport);
        var karaSuu = Intake();

        (await Search(karaSuu, passport)).ShouldBeEmpty();
        (await Search(Intake("osh"), passport)).Keys.ShouldBe([osh]);
        (await karaSuu.Get("/v1/case-search?query=x1&centerId=osh")).Status.ShouldBe(HttpStatusCode.BadRequest);

        var mine = (await karaSuu.OpenCase(IntakeCalls.NewCase(name: "Other Spelling"))).Str("caseId");
        var answer = await Register(karaSuu, mine, "Other Spelling", passport, null);
        var duplicate = answer["possibleDuplicates"]!.AsArray().ShouldHaveSingleItem()!;
        duplicate["caseId"]!.ToString().ShouldBe(osh);
        duplicate["centerId"]!.ToString().ShouldBe("osh");
        duplicate["matchedOn"]!.AsArray().Select(k => k!.ToString()).ShouldBe(["document"]);
        (duplicate["fullName"]?.ToString() ?? "").ShouldBeEmpty();
        (duplicate["birthDate"]?.ToString() ?? "").ShouldBeEmpty();
        answer.ToJsonString().ShouldNotContain(name);

        (await Search(Supervisor, passport)).Keys.Order().ShouldBe(new[] { osh, mine }.Order());
    }

    [Fact]
    public async Task The_dashboard_may_not_search_and_bad_queries_are_named()
    {
        var name = $"Nurlan {UniqueWord().Latin}";
        await CaseOf(Intake(), "kara-suu", name);
        var dashboard = system.Intake.Json(system.Token(role: "dashboard", center: null, user: "reports"));

        var refused = await dashboard.Get($"/v1/case-search?query={Uri.EscapeDataString(name)}");
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Body.ShouldNotContain(name);
        (await Intake().Get("/v1/case-search?query=%20")).Body.ShouldContain("query");
        (await Intake().Get("/v1/case-search?query=alima&key=shoe-size")).Body.ShouldContain("key");
        (await Intake().Get("/v1/case-search?query=alima&pageSize=1000")).Body.ShouldContain("pageSize");
    }

    [Fact]
    public async Task An_erased_applicant_is_found_neither_by_document_nor_by_phone()
    {
        var digits = UniqueDigits();
        var caseId = await CaseOf(Intake(), "kara-suu", $"Bermet {UniqueWord().Latin}", $"AC{digits}", $"+7 9{digits}");
        (await Search(Intake(), $"AC{digits}")).Keys.ShouldBe([caseId]);

        await Supervisor.Post($"/v1/cases/{caseId}/erasures", new { requestId = Id(), person = "applicant", reason = "her request", legalBasis = "GDPR art. 17" }).Ok();

        (await Search(Intake(), $"AC{digits}")).ShouldBeEmpty();
        (await Search(Intake(), $"9{digits}")).ShouldBeEmpty();
    }
}
