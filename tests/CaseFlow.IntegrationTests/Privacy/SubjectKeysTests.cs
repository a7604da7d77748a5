using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.ServiceDefaults.Privacy;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseFlow.IntegrationTests.Privacy;

/// <summary>The sealing mechanism against a real key table: what is stored, what opens, what erasure and rotation do.</summary>
public sealed class SubjectKeysTests(KeyStore store) : IClassFixture<KeyStore>
{
    private sealed record Person(string Name, string Passport);

    private sealed record Recorded(Guid CaseId, Sealed<Person> Person, Sealed<string> Letter);

    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(Recorded Value, string Json)> Store(SubjectKeys keys, bool encrypting = true)
    {
        var (mother, son) = (Guid.NewGuid(), Guid.NewGuid());
        var value = new Recorded(Guid.NewGuid(), Sealed.For(mother, new Person("Zarina Unique", "AC1234567")), Sealed.For([mother, son], "Dear consul, Zarina Unique"));
        await keys.Ensure([mother, son], None);
        return (value, JsonSerializer.Serialize(value, SealedJson.Options(new SubjectCipher(keys, encrypting))));
    }

    private static Recorded Read(SubjectKeys keys, string json) =>
        JsonSerializer.Deserialize<Recorded>(json, SealedJson.Options(new SubjectCipher(keys, true)))!;

    [Fact]
    public async Task A_cache_emptied_meanwhile_never_makes_a_new_person_pass_for_erased()
    {
        // The erasure listener empties the cache each time it (re)connects, e.g. after a PostgreSQL restart. A write
        // that then decided on the shared cache found its just-read key gone and refused a new person as erased
        // (seen in the PostgreSQL restart scenario); it decides on what it read.
        var keys = store.Keys();
        using var stop = new CancellationTokenSource();
        var emptying = Task.Run(() => { while (!stop.IsCancellationRequested) keys.ForgetAll(); });
        try
        {
            for (var round = 0; round < 200; round++)
            {
                var person = Guid.NewGuid();
                await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => keys.Ensure([person], None))));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await emptying;
        }
    }

    [Fact]
    public async Task Instances_creating_the_same_new_persons_key_at_once_all_seal_under_the_one_key_stored()
    {
        // Each instance inserts a key of its own and keeps whichever is stored; one that loses the race after its
        // statement's snapshot sees neither its own nor the winner's and must read the winner's, never use its own.
        var instances = Enumerable.Range(0, 6).Select(_ => store.Keys()).ToArray();
        for (var round = 0; round < 100; round++)
        {
            var (mother, son) = (Guid.NewGuid(), Guid.NewGuid());
            await Task.WhenAll(instances.Select(keys => Task.Run(() => keys.Ensure([mother, son], None))));
            foreach (var person in new[] { mother, son })
            {
                var stored = store.Keys().Find(person).ShouldNotBeNull();
                foreach (var keys in instances) keys.Required(person).ShouldBe(stored, $"round {round}");
            }
        }
    }

    [Fact]
    public async Task A_sealed_value_is_stored_as_ciphertext_under_its_subjects_and_read_back_opened()
    {
        var keys = store.Keys();
        var (value, json) = await Store(keys);
        json.ShouldNotContain("Zarina");
        json.ShouldNotContain("AC1234567");
        JsonNode.Parse(json)!["Person"]!["subjects"]!.AsArray().Single()!.GetValue<Guid>().ShouldBe(value.Person.Subjects[0]);

        var read = Read(store.Keys(), json); // another instance, nothing cached
        read.Person.ShouldBe(value.Person);
        read.Letter.Value.ShouldBe("Dear consul, Zarina Unique");
        read.Person.IsErased.ShouldBeFalse();
    }

    [Fact]
    public async Task The_same_value_of_the_same_people_seals_to_the_same_text_so_a_rebuild_writes_what_was_written_live()
    {
        var keys = store.Keys();
        var (value, json) = await Store(keys);
        var cipher = new SubjectCipher(keys, true);
        var fresh = new Recorded(value.CaseId, Sealed.For(value.Person.Subjects, value.Person.Value!), Sealed.For(value.Letter.Subjects, value.Letter.Value!));
        JsonSerializer.Serialize(fresh, SealedJson.Options(cipher)).ShouldBe(json);
        JsonSerializer.Serialize(Read(keys, json), SealedJson.Options(cipher)).ShouldBe(json);
        var other = fresh with { Person = fresh.Person.With(new Person("Zarina Unique", "AC7654321")) };
        JsonSerializer.Serialize(other, SealedJson.Options(cipher)).ShouldNotBe(json);
    }

    [Fact]
    public async Task Erasing_either_of_two_people_erases_what_concerns_both()
    {
        foreach (var which in new[] { 0, 1 })
        {
            var keys = store.Keys();
            var (value, json) = await Store(keys);
            await keys.Erase(value.Letter.Subjects[which], "GDPR art. 17(1)(a)", None);
            var read = Read(store.Keys(), json);
            read.Letter.IsErased.ShouldBeTrue();
            read.Letter.Value.ShouldBeNull();
            read.Letter.Shown().ShouldBe(Sealed.ErasedText);
            read.Person.IsErased.ShouldBe(value.Person.Subjects[0] == value.Letter.Subjects[which]);
            JsonSerializer.Serialize(read, SealedJson.Options(new SubjectCipher(keys, true))).ShouldBe(json, "an erased value is written back as it was stored");
        }
    }

    [Fact]
    public void A_value_written_before_sealing_existed_is_read_as_it_is_and_written_back_unchanged_so_its_hash_still_matches()
    {
        var legacy = $$"""{"CaseId":"{{Guid.NewGuid()}}","Person":{"Name":"Old Entry","Passport":"AB0000001"},"Letter":"Dear consul"}""";

        var read = Read(store.Keys(), legacy);

        read.Person.Value.ShouldBe(new Person("Old Entry", "AB0000001"));
        read.Letter.Shown().ShouldBe("Dear consul");
        read.Person.Subjects.ShouldBeEmpty();
        JsonSerializer.Serialize(read, SealedJson.Options(new SubjectCipher(store.Keys(), true))).ShouldBe(legacy);
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_persons_record_does_not_open()
    {
        var keys = store.Keys();
        var (value, json) = await Store(keys);
        var stranger = Guid.NewGuid();
        await keys.Ensure([stranger], None);
        var moved = json.Replace(value.Person.Subjects[0].ToString(), stranger.ToString());
        Should.Throw<CryptographicException>(() => Read(keys, moved));
    }

    [Fact]
    public async Task With_encryption_off_values_are_written_plain_and_both_forms_are_read()
    {
        var keys = store.Keys();
        var (value, plainJson) = await Store(keys, encrypting: false);
        plainJson.ShouldContain("Zarina Unique");
        JsonNode.Parse(plainJson)!["Person"]!["plain"].ShouldNotBeNull();
        Read(keys, plainJson).Person.ShouldBe(value.Person);
        var (sealedValue, sealedJson) = await Store(keys);
        Read(keys, sealedJson).Letter.ShouldBe(sealedValue.Letter);
    }

    [Fact]
    public async Task An_auditors_view_opens_sealed_values_in_place_and_marks_erased_ones()
    {
        var keys = store.Keys();
        var (value, json) = await Store(keys);
        var cipher = new SubjectCipher(keys, true);
        var opened = JsonNode.Parse(SealedJson.Opened(json, cipher))!;
        opened["Person"]!["Name"]!.GetValue<string>().ShouldBe("Zarina Unique");
        opened["Letter"]!.GetValue<string>().ShouldBe("Dear consul, Zarina Unique");

        await keys.Erase(value.Letter.Subjects.First(s => s != value.Person.Subjects[0]), "court order", None);
        opened = JsonNode.Parse(SealedJson.Opened(json, cipher))!;
        opened["Letter"]!.GetValue<string>().ShouldBe(Sealed.ErasedText);
        opened["Person"]!["Passport"]!.GetValue<string>().ShouldBe("AC1234567");
        SealedJson.Opened("""{"a":1}""", cipher).ShouldBe("""{"a":1}""");
    }

    [Fact]
    public async Task Erasure_deletes_the_key_keeps_a_tombstone_and_refuses_new_data_of_that_person()
    {
        var keys = store.Keys();
        var subject = Guid.NewGuid();
        await keys.Ensure([subject], None);
        await keys.Erase(subject, "GDPR art. 17(1)(a)", None);
        await keys.Erase(subject, "asked again", None);

        var row = await Row(subject);
        row.Wrapped.ShouldBeNull();
        row.ErasedAt.ShouldNotBeNull();
        row.LegalBasis.ShouldBe("GDPR art. 17(1)(a)");
        keys.IsErased(subject).ShouldBeTrue();
        store.Keys().IsErased(subject).ShouldBeTrue();
        (await Should.ThrowAsync<SubjectErased>(() => store.Keys().Ensure([subject], None))).Subject.ShouldBe(subject);
        await Should.ThrowAsync<SubjectErased>(() => keys.Ensure([subject], None));
    }

    [Fact]
    public async Task An_erasure_on_one_instance_evicts_the_key_cached_by_another()
    {
        var (first, second) = (store.Keys(), store.Keys());
        var upkeep = new SubjectKeysUpkeep(second, NullLogger<SubjectKeysUpkeep>.Instance);
        await upkeep.StartAsync(None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1)); // listening
            var subject = Guid.NewGuid();
            await first.Ensure([subject], None);
            second.Find(subject).ShouldNotBeNull();
            await using (var behindItsBack = store.Database.CreateCommand($"update {store.Schema}.subject_keys set wrapped = null where subject_id = $1"))
            {
                behindItsBack.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subject });
                await behindItsBack.ExecuteNonQueryAsync();
            }
            second.Find(subject).ShouldNotBeNull("the second instance answers from its cache");

            await first.Erase(subject, "GDPR art. 17(1)(a)", None);
            await Harness.Eventually.True(() => Task.FromResult(second.Find(subject) is null), "the notification to evict the key", TimeSpan.FromSeconds(10));
        }
        finally
        {
            await upkeep.StopAsync(None);
        }
    }

    [Fact]
    public async Task Rotating_the_key_encrypting_key_rewraps_every_key_and_values_still_open()
    {
        var underA = store.Keys(current: "a");
        var (value, json) = await Store(underA);

        var rotated = store.Keys(current: "b", withA: true, withB: true);
        (await rotated.Rewrap(None)).ShouldBeGreaterThanOrEqualTo(2);
        (await rotated.Rewrap(None)).ShouldBe(0);
        (await Row(value.Person.Subjects[0])).KekId.ShouldBe("b");

        var onlyB = store.Keys(current: "b", withA: false, withB: true);
        Read(onlyB, json).Person.ShouldBe(value.Person);
    }

    [Fact]
    public async Task Retiring_the_old_key_encrypting_key_before_the_rewrap_is_a_clear_error_not_an_erasure()
    {
        var underA = store.Keys(current: "a");
        var (_, json) = await Store(underA);
        var onlyB = store.Keys(current: "b", withA: false, withB: true);
        Should.Throw<InvalidOperationException>(() => Read(onlyB, json)).Message.ShouldContain("key-encrypting key 'a'");
        (await Should.ThrowAsync<InvalidOperationException>(() => onlyB.Rewrap(None))).Message.ShouldContain("'a'");
        Read(store.Keys(current: "a"), json).Person.IsErased.ShouldBeFalse();
    }

    private async Task<(string? KekId, byte[]? Wrapped, DateTimeOffset? ErasedAt, string? LegalBasis)> Row(Guid subject)
    {
        await using var command = store.Database.CreateCommand($"select kek_id, wrapped, erased_at, legal_basis from {store.Schema}.subject_keys where subject_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subject });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
