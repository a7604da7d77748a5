using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Reporting;

public sealed record ReportingCenter(string Id, string Name, string Province);

/// <summary>
/// The centers and their provinces (ReferenceData:Centers, shipped in ServiceDefaults' centers.json): every service's
/// reporting schema gets them as its <c>centers</c> table, so each can filter its figures by province.
/// </summary>
public sealed class ReportingCenters(IReadOnlyList<ReportingCenter> centers)
{
    public IReadOnlyList<ReportingCenter> All => centers;

    public bool IsCenter(string id) => centers.Any(c => c.Id == id);

    public bool IsProvince(string name) => centers.Any(c => c.Province == name);

    public string KnownCenters => string.Join(", ", centers.Select(c => c.Id));

    public string KnownProvinces => string.Join(", ", centers.Select(c => c.Province).Distinct());

    public static ReportingCenters From(IConfiguration configuration) =>
        new(configuration.GetSection("ReferenceData:Centers").Get<List<ReportingCenter>>() ?? []);

    public IEnumerable<string> Statements(ReportingNames names)
    {
        yield return $"create table if not exists {names.Schema}.centers (id text primary key, name text not null, province text not null)";
        foreach (var center in centers)
            yield return $"insert into {names.Schema}.centers values ({Literal(center.Id)}, {Literal(center.Name)}, {Literal(center.Province)}) "
                + "on conflict (id) do update set name = excluded.name, province = excluded.province";
    }

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
