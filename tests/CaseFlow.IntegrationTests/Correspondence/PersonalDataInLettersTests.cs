using System.Net;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Privacy;
using CaseFlow.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CaseFlow.IntegrationTests.CorrespondenceLetters.CorrespondenceCalls;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>A letter's text is the person's data: stored sealed, erased with them, and sent only under their consent.</summary>
[Collection(CorrespondenceSystemCollection.Name)]
public sealed class PersonalDataInLettersTests(CaseFlowSystem system)
{
    private string Operator => system.Token();

    [Fact]
    public async Task A_letter_with_the_applicants_name_is_stored_sealed_and_shows_erased_once_their_key_is_gone()
    {
        var client = system.Correspondence.Json(Operator);
        var name = "Zarina Q" + Guid.NewGuid().ToString("N")[..10];
        var caseId = await CaseWithFile(system, Operator, name);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language = "en", templateId = "entry-inquiry",
        })).Str("letterId");
        await client.Post($"/v1/cases/{caseId}/letters/{letterId}/withdrawal", new { requestId = NewRequestId(), reason = $"{name} withdrew" }).Ok();
        (await client.Letter(caseId, letterId)).Str("subject").ShouldContain(name);

        (await TablesHolding(name)).ShouldBeEmpty();

        await system.Correspondence.App.Services.GetRequiredService<SubjectKeys>()
            .Erase(Subjects.Applicant(Guid.Parse(caseId)), "test of erasure", CancellationToken.None);
        var erased = await client.Letter(caseId, letterId);
        erased.Str("subject").ShouldBe(Sealed.ErasedText);
        erased.Str("body").ShouldBe(Sealed.ErasedText);
        erased.Str("withdrawalReason").ShouldBe(Sealed.ErasedText);
        erased.Str("agencyName").ShouldBe("Consulate General of the Russian Federation in Osh");
        erased.Str("status").ShouldBe("withdrawn");
        var file = await client.Get($"/v1/cases/{caseId}/correspondence").Ok();
        file["letters"]![0]!.AsObject().Str("subject").ShouldBe(Sealed.ErasedText);
    }

    [Fact]
    public async Task A_letter_without_any_consent_is_refused_naming_the_missing_consent_and_nothing_is_appended()
    {
        var client = system.Correspondence.Json(Operator);
        var caseId = await CaseWithFile(system, Operator);
        var letterId = (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId = "ru-consulate-osh", language = "ru", kind = "information-request",
            subject = "О въезде", body = "Просим сообщить.", occurredAt = "2020-04-20T10:00:00Z",
        })).Str("letterId");
        var before = await system.Count(system.Correspondence, "mt_events", "stream_id = $1", Guid.Parse(caseId));

        var (status, error) = await client.Post($"/v1/cases/{caseId}/letters/{letterId}/sending",
            new { requestId = NewRequestId(), channel = "post", occurredAt = "2020-04-21T09:00:00Z" });

        status.ShouldBe(HttpStatusCode.PreconditionFailed, error.ToString());
        error.ToString().ShouldContain("consent");
        error.ToString().ShouldContain("consulate");
        (await system.Count(system.Correspondence, "mt_events", "stream_id = $1", Guid.Parse(caseId))).ShouldBe(before);
    }

    /// <summary>Needs Intake's GiveConsent and WithdrawConsent.</summary>
    [Fact]
    public async Task A_letter_goes_out_under_a_consent_for_its_agencys_kind_names_its_version_and_a_withdrawal_stops_the_next_one()
    {
        var client = system.Correspondence.Json(Operator);
        var caseId = await CaseWithFile(system, Operator);
        var letterId = await DraftTo(client, caseId, "ru-consulate-osh", "2020-04-20T10:00:00Z");
        var sending = $"/v1/cases/{caseId}/letters/{letterId}/sending";
        object Sending(string at) => new { requestId = NewRequestId(), channel = "post", occurredAt = at };

        await GiveConsent(system, Operator, caseId, ["ministry"], "2020-04-10T09:00:00Z");
        (await client.Post(sending, Sending("2020-04-21T09:00:00Z"))).Status.ShouldBe(HttpStatusCode.PreconditionFailed);
        var consentId = await GiveConsent(system, Operator, caseId, ["consulate"], "2020-04-15T09:00:00Z");
        await client.Post(sending, Sending("2020-04-21T09:00:00Z")).Ok();

        var sent = await client.Letter(caseId, letterId);
        (sent.Str("consentId"), sent.Str("consentVersion")).ShouldBe((consentId, "1"));
        var history = (await client.Get($"/v1/cases/{caseId}/history").Ok())["events"]!.AsArray();
        history.Any(e => e!["data"]!["LetterId"]?.ToString() == letterId
            && e["data"]!["ConsentId"]?.ToString() == consentId && e["data"]!["ConsentVersion"]?.ToString() == "1")
            .ShouldBeTrue("the history names the consent and its version the letter was sent under");

        await WithdrawConsent(system, Operator, caseId, consentId, "2020-04-25T09:00:00Z");
        var next = await DraftTo(client, caseId, "ru-consulate-osh", "2020-04-26T10:00:00Z");
        var (status, error) = await client.Post($"/v1/cases/{caseId}/letters/{next}/sending", Sending("2020-04-27T09:00:00Z"));
        status.ShouldBe(HttpStatusCode.PreconditionFailed, error.ToString());
        var earlier = await client.Letter(caseId, letterId);
        (earlier.Str("status"), earlier.Str("consentVersion")).ShouldBe(("sent", "1"));
    }

    private static async Task<string> DraftTo(JsonApi client, string caseId, string agencyId, string at) =>
        (await client.Draft(caseId, new
        {
            requestId = NewRequestId(), agencyId, language = "ru", kind = "information-request", subject = "О въезде",
            body = "Просим сообщить.", occurredAt = at,
        })).Str("letterId");

    /// <summary>Every table of Correspondence's schema whose rows hold the text in plain.</summary>
    private async Task<IReadOnlyList<string>> TablesHolding(string text)
    {
        var schema = system.Schema(system.Correspondence);
        await using var connection = new NpgsqlConnection(TestEnvironment.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\" t where t::text like $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = $"%{text}%" });
            if ((long)(await count.ExecuteScalarAsync())! > 0) holding.Add(table);
        }
        return holding;
    }
}
