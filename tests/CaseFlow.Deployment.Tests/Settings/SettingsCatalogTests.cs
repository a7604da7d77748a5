namespace CaseFlow.Deployment.Tests.Settings;

public sealed class SettingsCatalogTests
{
    [Fact]
    public void Every_key_the_services_read_is_in_the_catalog()
    {
        var read = SettingsReadByCode.WhereRead();
        read.Keys.ShouldContain("ConnectionStrings:Postgres", "the scan finds nothing: has the source layout changed?");

        var unnamed = read.Where(r => !SettingsCatalog.All.Any(s => s.Covers(r.Key)))
            .Select(r => $"{r.Key} (read in {string.Join(", ", r.Value)})").ToList();

        unnamed.ShouldBeEmpty("add each to SettingsCatalog: optional (with why) or required where it must be set");
    }
}
