using CaseFlow.Correspondence.Agencies.Editing;
using CaseFlow.Correspondence.Api.V1;
using JasperFx;

namespace CaseFlow.Correspondence.Agencies.Seeding;

/// <summary>Marks that the sample agencies were put in once, so a supervisor's deletion of one is not undone by a restart.</summary>
public sealed record SampleAgenciesSeeded(string Id, DateTimeOffset SeededAt);

/// <summary>
/// Fills an empty directory with the sample agencies of the configuration (SampleAgencies), each marked as
/// sample data until a supervisor checks and saves it.
/// </summary>
public sealed class SampleAgencies(IDocumentStore store, IConfiguration configuration, TimeProvider clock) : IHostedService
{
    private const string MarkerId = "sample-agencies-v1";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SampleAgenciesSeeded>(MarkerId, ct) is not null) return;
        session.Insert(new SampleAgenciesSeeded(MarkerId, clock.GetUtcNow()));
        foreach (var sample in configuration.GetSection("SampleAgencies").GetChildren())
        {
            var check = new InputCheck();
            var details = new AgencyDetails
            {
                Name = sample["Name"] ?? "", Country = sample["Country"] ?? "", Kind = sample["Kind"] ?? "",
                Address = sample["Address"] ?? "", Channel = sample["Channel"] ?? "",
                DefaultReplyDays = sample.GetValue("DefaultReplyDays", 0),
                ReplyDaysAreWorkingDays = sample.GetValue("ReplyDaysAreWorkingDays", false),
                Languages = { sample.GetSection("Languages").Get<string[]>() ?? [] },
            };
            var agency = check.Details(check.AgencyId(sample["Id"]), details, sample: true);
            check.ThrowIfAny();
            if (await session.LoadAsync<Agency>(agency.Id, ct) is null) session.Insert(agency);
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another instance seeded at the same moment.
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
