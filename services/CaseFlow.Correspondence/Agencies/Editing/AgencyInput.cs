using System.Text.RegularExpressions;
using CaseFlow.Correspondence.Api.V1;

namespace CaseFlow.Correspondence.Agencies.Editing;

public static partial class AgencyInput
{
    public const int MaxReplyDays = 365;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static string AgencyId(this InputCheck check, string? value, string field = "agencyId")
    {
        var id = (value ?? "").Trim();
        if (id.Length == 0) check.Add(field, "the agency id is required");
        else if (id.Length > 100 || !Slug().IsMatch(id))
            check.Add(field, $"'{id}' must be lowercase letters, digits and dashes (at most 100), e.g. ru-consulate-osh");
        return id;
    }

    /// <summary>The agency's details as given, each problem under "agency.&lt;field&gt;".</summary>
    public static Agency Details(this InputCheck check, string id, AgencyDetails? details, bool sample = false)
    {
        if (details is null)
        {
            check.Add("agency", "the agency's details are required");
            return new Agency(id, "", "", "", [], "", "", 0, sample);
        }
        var name = check.Text(details.Name, "agency.name", "the name", 300);
        var country = check.Text(details.Country, "agency.country", "the country", 100);
        var kind = check.OneOf(details.Kind, Agency.Kinds, "agency.kind", "agency kind");
        var languages = details.Languages.Select(l => l.Trim()).Distinct().ToList();
        check.That(languages.Count > 0, "agency.languages", $"at least one language is required: {string.Join(", ", Vocabulary.Languages)}");
        foreach (var unknown in languages.Where(l => !Vocabulary.Languages.Contains(l)))
            check.Add("agency.languages", $"unknown language '{unknown}'; use: {string.Join(", ", Vocabulary.Languages)}");
        var address = check.Text(details.Address, "agency.address", "the address", 1000);
        var channel = check.OneOf(details.Channel, Vocabulary.Channels, "agency.channel", "channel");
        check.That(details.DefaultReplyDays is > 0 and <= MaxReplyDays, "agency.defaultReplyDays",
            $"must be between 1 and {MaxReplyDays} days");
        return new Agency(id, name, country, kind, languages, address, channel, details.DefaultReplyDays, sample, details.ReplyDaysAreWorkingDays);
    }

    public static AgencyDetails ToDetails(this Agency agency) => new()
    {
        Name = agency.Name, Country = agency.Country, Kind = agency.Kind, Languages = { agency.Languages },
        Address = agency.Address, Channel = agency.Channel, DefaultReplyDays = agency.DefaultReplyDays,
        ReplyDaysAreWorkingDays = agency.ReplyDaysAreWorkingDays,
    };

    public static Api.V1.Agency ToApi(this Agency agency) => new()
    {
        AgencyId = agency.Id, Version = agency.Version, Details = agency.ToDetails(), Sample = agency.Sample,
    };
}
