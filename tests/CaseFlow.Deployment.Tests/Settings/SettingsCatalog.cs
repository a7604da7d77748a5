using static CaseFlow.Deployment.Tests.Settings.Apps;

namespace CaseFlow.Deployment.Tests.Settings;

/// <summary>A configuration key, who reads it, and where a deployment must set it (None: optional).</summary>
internal sealed record Setting(string Key, string[] ReadBy, Deployments RequiredIn, string Why)
{
    /// <summary>A key ending in <c>:*</c> is a section: set when at least one key below it is.</summary>
    public bool IsSection => Key.EndsWith(":*", StringComparison.Ordinal);

    public bool Covers(string key) =>
        string.Equals(Key, key, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Key, key + ":*", StringComparison.OrdinalIgnoreCase)
        || key.Contains('*') && System.Text.RegularExpressions.Regex.IsMatch(Key,
            "^" + System.Text.RegularExpressions.Regex.Escape(key).Replace(@"\*", "[^:]+") + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}

/// <summary>
/// The rule: a key is optional when the image already carries a value that works in any deployment — a default in
/// the code or in the service's embedded defaults.json that is not a loopback address, or a key whose absence only
/// turns off a test hook. Everything else must be set by the deployment: a key with no default, a default of
/// 127.0.0.1 (wrong inside a container: each service is its own host), a secret, and the settings that differ
/// between a development machine (Compose) and an installation (Kubernetes). Every key the code reads must be named
/// here, so a new key makes its author decide.
/// </summary>
internal static class SettingsCatalog
{
    private static readonly string[] Nobody = [];

    public static readonly Setting[] All =
    [
        new("ConnectionStrings:Postgres", Backend, Deployments.Both, "the event store; no default"),
        new("ConnectionStrings:RabbitMq", Backend, Deployments.Both, "the broker; no default"),
        new("ConnectionStrings:PersonalDataKeys", Backend, Deployments.None, "the subjects' keys database; falls back to Postgres"),
        new("Ports:Address", Every, Deployments.Both, "defaults to 127.0.0.1, which nothing outside the container reaches"),
        new("Ports:Http", Every, Deployments.None, "infra/ports.env, embedded"),
        new("Ports:Grpc", Backend, Deployments.None, "infra/ports.env, embedded"),
        new("Services:Intake:Grpc", [Correspondence, Reunification, Dashboard], Deployments.Both,
            "Correspondence drafts letters and Reunification issues manifests with Intake's data; the default is 127.0.0.1"),
        new("Services:Correspondence:Grpc", [Dashboard], Deployments.Both, "the dashboard's figures; the default is 127.0.0.1"),
        new("Services:Reunification:Grpc", [Dashboard], Deployments.Both, "the dashboard's figures; the default is 127.0.0.1"),
        new("ASPNETCORE_ENVIRONMENT", Every, Deployments.Both, "Development accepts development tokens; any other environment demands Auth:Authority"),
        new("Auth:*", Every, Deployments.None, "the section; its keys are named one by one below"),
        new("Auth:SigningKey", Every, Deployments.Compose, "signs and checks the development tokens"),
        new("Auth:Authority", Every, Deployments.Kubernetes, "the OIDC issuer; without it a non-Development environment refuses to start"),
        new("Auth:Audience", Backend, Deployments.Kubernetes, "the audience the issuer puts in CaseFlow's tokens"),
        new("Auth:ClientId", [Dashboard], Deployments.Kubernetes, "the dashboard's client at the issuer (login, service token)"),
        new("Auth:ClientSecret", [Dashboard], Deployments.Kubernetes, "the dashboard's client secret"),
        new("Auth:RequireHttpsMetadata", Every, Deployments.None, "true by default; false only for a test issuer on plain http"),
        new("Auth:ServiceScope", [Dashboard], Deployments.None, "only when the issuer wants a scope for client credentials"),
        new("Audit:ChainKey", Backend, Deployments.Kubernetes, "seals the history; derived from Auth:SigningKey only with development tokens"),
        new("PersonalData:KeyEncryptionKeys:*", Backend, Deployments.Kubernetes, "wrap the subjects' keys; derived only with development tokens"),
        new("PersonalData:CurrentKeyEncryptionKey", Backend, Deployments.Kubernetes, "which key-encrypting key wraps new keys (rotation)"),
        new("PersonalData:IndexKey", [Intake], Deployments.Kubernetes, "the blind index of names; derived only with development tokens"),
        new("PersonalData:Encrypt", Backend, Deployments.None, "on by default"),
        new("PersonalData:KeySchema", Backend, Deployments.None, "defaults to <schema>_keys"),
        new("Reporting:Password", Backend, Deployments.Both, "the read-only reporting login Grafana and BI tools use; without it there is none"),
        new("Reporting:Role", Backend, Deployments.None, "defaults to caseflow_reporting"),
        new("Reporting:Schema", Backend, Deployments.None, "defaults to <schema>_reporting"),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", Backend, Deployments.Both, "traces and metrics go to the collector; unset, nothing is exported"),
        new("RabbitMq:QuorumQueues", Backend, Deployments.Kubernetes, "quorum queues survive a broker node; off by default for one local node"),
        new("EventStore:Schema", Backend, Deployments.None, "defaults to the service's name"),
        new("EventStore:DaemonMode", Backend, Deployments.None, "HotCold: one daemon leader per service"),
        new("EventStore:ListenNotify", Backend, Deployments.None, "defaulted in code"),
        new("EventStore:FastPollingMs", Backend, Deployments.None, "defaulted in code"),
        new("EventStore:SlowPollingMs", Backend, Deployments.None, "defaulted in code"),
        new("EventStore:MaxAutoPrepare", Backend, Deployments.None, "defaulted in code (64 prepared statements per connection; 0 switches auto-prepare off)"),
        new("EventStore:PlanCacheMode", Backend, Deployments.None, "defaulted in code (force_custom_plan: prepared statements planned for their parameters; auto is PostgreSQL's default)"),
        new("EventStore:ResetConnectionsOnClose", Backend, Deployments.None, "defaulted in code (false: no DISCARD ALL); the bench's A/B switch"),
        new("Messaging:RetryLimit", Backend, Deployments.None, "defaulted in code"),
        new("Deadlines:SweepIntervalSeconds", [Correspondence], Deployments.None, "defaults.json"),
        new("SampleAgencies:*", [Correspondence], Deployments.None, "defaults.json"),
        new("ReferenceData:*", [Intake], Deployments.None, "defaults.json"),
        new("ReferenceData:Centers", Every, Deployments.None, "centers.json, embedded"),
        new("Limits:*", Backend, Deployments.None, "every limit defaulted in code"),
        new("Users:*", Backend, Deployments.None, "Limits:Users:<user>, read inside the Limits section: per-user overrides"),
        new("Retention:SweepEvery", Backend, Deployments.None, "defaulted in code"),
        new("Retention:ProcessedMessagesDays", Backend, Deployments.None, "defaulted in code"),
        new("Retention:HandledRequestsDays", Backend, Deployments.None, "defaulted in code"),
        new("Retention:ErasedSubjectsDays", Backend, Deployments.None, "defaulted in code"),
        new("Retention:AccessLogPurposeDays", Backend, Deployments.None, "defaulted in code"),
        new("Operations:SampleSeconds", Backend, Deployments.None, "defaulted in code"),
        new("Dashboard:ServiceUser", [Dashboard], Deployments.None, "defaulted in code"),
        new("Dashboard:DefaultLanguage", [Dashboard], Deployments.None, "English unless set"),
        new("Dashboard:RefreshSeconds", [Dashboard], Deployments.None, "defaulted in code"),
        new("Faults:MarkerDirectory", Nobody, Deployments.None, "a fault-test hook: never set in a deployment"),
        new("Faults:RelayPauseAfterPublishes", Nobody, Deployments.None, "a fault-test hook: never set in a deployment"),
        new("Faults:ConsumerPauseAfterHandling", Nobody, Deployments.None, "a fault-test hook: never set in a deployment"),
        new("Faults:BypassInbox", Nobody, Deployments.None, "a fault-test switch (mechanism off): never set in a deployment"),
        new("Faults:RelayProgressFirst", Nobody, Deployments.None, "a fault-test switch (mechanism off): never set in a deployment"),
        new("Faults:WritersRace", Nobody, Deployments.None, "a fault-test switch (mechanism off): never set in a deployment"),
        new("Instance:Name", Every, Deployments.None, "defaults to the host name and HTTP port: a pod's name in Kubernetes"),
        new("ReferenceData:Weeks", Every, Deployments.None, "the centers' weekends, calendars.json, embedded"),
        new("ReferenceData:Calendars", Every, Deployments.None, "the centers' public holidays with history, calendars.json, embedded"),
        new("Gateway:Services", Nobody, Deployments.None, "the local gateway of ./caseflow run --replicas only; a Kubernetes Service balances instead"),
        new("Gateway:Replicas", Nobody, Deployments.None, "the local gateway of ./caseflow run --replicas only"),
        new("Gateway:ProbeSeconds", Nobody, Deployments.None, "the local gateway of ./caseflow run --replicas only"),
    ];

    public static IEnumerable<Setting> RequiredIn(Deployments deployment, string app) =>
        All.Where(s => s.RequiredIn.HasFlag(deployment) && s.ReadBy.Contains(app));
}
