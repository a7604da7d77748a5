using System.Globalization;
using Bogus;
using CaseFlow.Cli.Calling;

namespace CaseFlow.Cli.Demo;

/// <summary>
/// <c>caseflow demo --cases N</c>: N realistic cases of 2020–2021 at the nine centers, entered through the public APIs
/// as their center's lawyer would: applicants, consultations, separated children, consent to share, letters answered
/// on time, late or not at all, closures with outcomes, and charter flights of which some are cancelled. Case i is drawn
/// from its own seeded generator and every call carries a request id made of the seed, i and the step, so a re-run (or
/// one broken off and started again) replays instead of appending, and cases load in parallel in any order.
/// </summary>
public sealed class SyntheticCases(Func<string, CaseFlowApis> lawyerOf, CaseFlowApis coordinator, int seed)
{
    public sealed record Center(string Id, string Province);

    /// <summary>The nine centers of Intake's reference data (defaults.json) and their provinces.</summary>
    public static readonly Center[] Centers =
    [
        new("kara-suu", "Osh"), new("osh", "Osh"), new("uzgen", "Osh"), new("nookat", "Osh"),
        new("batken", "Batken"), new("kyzyl-kiya", "Batken"), new("isfana", "Batken"),
        new("jalal-abad", "Jalal-Abad"), new("bazar-korgon", "Jalal-Abad"),
    ];

    private static readonly string[] Categories = ["family-separation", "stranded-abroad", "documents", "labour-rights", "entry-ban", "social-support"];
    private static readonly string[] Channels = ["walk-in", "walk-in", "walk-in", "phone", "referral"];
    private static readonly string[] Outcomes = ["resolved-by-advice", "resolved-by-advice", "referred-out", "returned-abroad", "withdrawn", "unreachable"];
    private static readonly (string Country, string City)[] Abroad =
        [("Russia", "Moscow"), ("Russia", "Moscow"), ("Russia", "Yekaterinburg"), ("Russia", "Novosibirsk"), ("Russia", "Saint Petersburg"), ("Kazakhstan", "Almaty")];
    private static readonly string[] Agencies = ["ru-consulate-osh", "ru-embassy-bishkek", "kg-mfa"];
    private static readonly DateTime Start = new(2020, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What one load entered: each case's id, and how many cases took each path.</summary>
    public sealed record Loaded(IReadOnlyList<string> CaseIds, int Separated, int Letters, int Closed, int Flights, int Cancelled);

    public async Task<Loaded> Load(int cases, Action<int> advance, CancellationToken ct)
    {
        var flights = await Flights(Math.Max(2, cases / 100), ct);
        var ids = new string[cases];
        var (separated, letters, closed) = (0, 0, 0);
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, _) =>
        {
            var one = await Case(i);
            ids[i] = one.CaseId;
            if (one.Separated) Interlocked.Increment(ref separated);
            if (one.Letter) Interlocked.Increment(ref letters);
            if (one.Closed) Interlocked.Increment(ref closed);
            advance(1);
        });
        return new Loaded(ids, separated, letters, closed, flights.Count, flights.Count(f => f));
    }

    private sealed record OneCase(string CaseId, bool Separated, bool Letter, bool Closed);

    private string Rid(int i, string step) => $"demo-{seed}-{i}-{step}";

    private static string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<OneCase> Case(int i)
    {
        var f = new Faker("ru") { Random = new Randomizer(unchecked(seed * 1_000_003 + i)) };
        var center = f.PickRandom(Centers);
        var lawyer = lawyerOf(center.Id);
        var opened = Start.AddDays(f.Random.Int(0, 700)).AddHours(f.Random.Int(8, 16)).AddMinutes(f.Random.Int(0, 59));
        var sex = f.Random.Bool(0.62f) ? "female" : "male";
        var name = NameLists.FullName(f, center.Province, sex);
        var category = f.PickRandom(Categories);
        var abroad = f.PickRandom(Abroad);
        var caseId = (await lawyer.Intake.Post("/v1/cases", new { requestId = Rid(i, "open"), centerId = center.Id, category,
            applicantName = name, channel = f.PickRandom(Channels), occurredAt = At(opened) }).Ok()).Str("caseId");
        var c = $"/v1/cases/{caseId}";
        await lawyer.Intake.Post($"{c}/applicant", new { requestId = Rid(i, "applicant"), occurredAt = At(opened.AddMinutes(10)), applicant = new
        {
            fullName = name, birthDate = f.Date.Between(new DateTime(1965, 1, 1), new DateTime(2002, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex, citizenship = "Kyrgyzstan", currentLocation = new { country = "Kyrgyzstan", city = center.Province },
            locationAbroad = new { country = abroad.Country, city = abroad.City }, migrationStatus = f.PickRandom("registration-expired", "registered", "undocumented"),
        } }).Ok();
        var day = opened.AddMinutes(30);
        for (var k = 0; k < f.Random.Int(1, 3); k++, day = day.AddDays(f.Random.Int(2, 20)))
            await lawyer.Intake.Post($"{c}/consultations", new { requestId = Rid(i, $"consult-{k}"), occurredAt = At(day),
                topic = f.PickRandom("migration registration", "return to Russia", "unpaid wages", "documents for a child", "entry ban"),
                advice = f.PickRandom("explained the registration rules", "we will write to the consulate", "referred to the labour inspectorate", "collect the birth certificate"),
                durationMinutes = f.Random.Int(15, 60) }).Ok();

        var separated = category == "family-separation" || f.Random.Bool(0.1f);
        if (separated)
        {
            var childSex = f.Random.Bool() ? "female" : "male";
            await lawyer.Intake.Post($"{c}/family", new { requestId = Rid(i, "child"), occurredAt = At(opened.AddMinutes(20)), member = new
            {
                memberId = "child-1", relationship = childSex == "female" ? "daughter" : "son", fullName = NameLists.ChildOf(f, name, childSex),
                birthDate = f.Date.Between(new DateTime(2006, 1, 1), new DateTime(2019, 6, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                location = new { country = abroad.Country, city = abroad.City }, caregiver = f.PickRandom("grandmother", "aunt", "father", "neighbour"),
            } }).Ok();
            await lawyer.Intake.Post($"{c}/family/child-1/separation", new { requestId = Rid(i, "separation"), occurredAt = At(opened.AddMinutes(25)),
                location = new { country = abroad.Country, city = abroad.City }, caregiver = "grandmother",
                separatedSince = opened.AddDays(-f.Random.Int(10, 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).Ok();
        }

        var letter = f.Random.Bool(separated ? 0.7f : 0.25f);
        if (letter || f.Random.Bool(0.4f))
            await lawyer.Intake.Post($"{c}/consents", new { requestId = Rid(i, "consent"), occurredAt = At(opened.AddMinutes(40)),
                agencyKinds = KaraSuuStory.ConsentedAgencyKinds, purpose = "help with the case", note = "signed consent form" }).Ok();
        if (letter) await Letter(f, lawyer, i, c, opened.AddDays(2), separated);

        var closed = f.Random.Bool(opened < new DateTime(2021, 6, 1) ? 0.7f : 0.3f);
        if (closed)
            await lawyer.Intake.Post($"{c}/close", new { requestId = Rid(i, "close"), occurredAt = At(day.AddDays(f.Random.Int(1, 60))),
                outcome = f.PickRandom(Outcomes), summary = "closed after the last consultation" }).Ok();
        return new OneCase(caseId, separated, letter, closed);
    }

    /// <summary>A letter to a consulate, the embassy or the MFA, due in 14 days: answered in time, late, or (some) not at all.</summary>
    private async Task Letter(Faker f, CaseFlowApis lawyer, int i, string c, DateTime drafted, bool aboutChild)
    {
        await KaraSuuStory.Until(lawyer.Correspondence, $"{c}/correspondence", file => file["consents"]?.AsArray().Count > 0,
            "the consent noted by Correspondence");
        var letterId = (await lawyer.Correspondence.Post($"{c}/letters", new { requestId = Rid(i, "letter"), occurredAt = At(drafted),
            agencyId = f.PickRandom(Agencies), kind = "information-request", language = "ru", templateId = "entry-inquiry",
            familyMemberId = aboutChild ? "child-1" : null }).Ok()).Str("letterId");
        var sent = drafted.AddDays(1);
        await lawyer.Correspondence.Post($"{c}/letters/{letterId}/sending", new { requestId = Rid(i, "send"), occurredAt = At(sent), channel = "e-mail",
            replyDueBy = sent.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).Ok();
        var answer = f.Random.Double();
        if (answer > 0.85) return;
        var repliedAfter = answer < 0.55 ? f.Random.Int(3, 13) : f.Random.Int(16, 45);
        await lawyer.Correspondence.Post($"{c}/letters/{letterId}/reply", new { requestId = Rid(i, "reply"), occurredAt = At(sent.AddDays(repliedAfter)),
            decision = f.PickRandom("information", "granted", "refused", "redirected"), summary = "the agency answered the inquiry" }).Ok();
    }

    /// <summary>Charter flights home, every few weeks of 2020–2021; about one in five cancelled a few days before.</summary>
    private async Task<List<bool>> Flights(int count, CancellationToken ct)
    {
        var cancelled = new List<bool>();
        var f = new Faker { Random = new Randomizer(seed) };
        for (var k = 0; k < count; k++)
        {
            var date = Start.AddDays(14 + k * 700 / count);
            var flightId = (await coordinator.Reunification.Post("/v1/flights", new { requestId = Rid(-1, $"flight-{k}"),
                number = $"D{seed % 1000}-{k}", from = f.PickRandom("Moscow", "Yekaterinburg", "Novosibirsk"), to = f.PickRandom("Osh", "Batken", "Jalal-Abad"),
                date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), capacity = f.PickRandom(150, 180, 220), occurredAt = At(date.AddDays(-10)) }).Ok())
                .Str("flightId");
            var cancel = f.Random.Bool(0.2f);
            if (cancel)
                await coordinator.Reunification.Post($"/v1/flights/{flightId}/cancel", new { requestId = Rid(-1, $"cancel-{k}"), occurredAt = At(date.AddDays(-3)),
                    reason = f.PickRandom("the border was closed again", "no permission to land", "the carrier withdrew the aircraft") }).Ok();
            cancelled.Add(cancel);
            ct.ThrowIfCancellationRequested();
        }
        return cancelled;
    }
}
