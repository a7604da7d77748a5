using CaseFlow.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;

namespace CaseFlow.ServiceDefaults.Tests.EventStore;

/// <summary>The session settings every pool of a service gets (PooledConnections), without a database.</summary>
public sealed class PooledConnectionsTests
{
    private const string Server = "Host=127.0.0.1;Database=caseflow";

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Sessions_plan_prepared_statements_for_their_parameters_by_default() =>
        PooledConnections.Settings(Server, Config()).Options.ShouldBe("-c plan_cache_mode=force_custom_plan");

    [Fact]
    public void Options_of_the_connection_string_are_kept_and_a_plan_cache_mode_there_wins()
    {
        PooledConnections.Settings(Server + ";Options=-c search_path=intake", Config()).Options
            .ShouldBe("-c search_path=intake -c plan_cache_mode=force_custom_plan");
        PooledConnections.Settings(Server + ";Options=-c plan_cache_mode=auto", Config()).Options
            .ShouldBe("-c plan_cache_mode=auto");
    }

    [Fact]
    public void An_unknown_plan_cache_mode_is_refused_naming_the_setting()
    {
        var refused = Should.Throw<InvalidOperationException>(() =>
            PooledConnections.Settings(Server, Config((PooledConnections.PlanCacheSetting, "fastest"))));
        refused.Message.ShouldContain(PooledConnections.PlanCacheSetting);
        refused.Message.ShouldContain("fastest");
    }
}
