namespace CaseFlow.IntegrationTests.Harness;

/// <summary>Where the real PostgreSQL and RabbitMQ started by <c>./caseflow test</c> are.</summary>
public static class TestEnvironment
{
    public static string Postgres => Required("CASEFLOW_TEST_POSTGRES");
    public static Uri RabbitMq => new(Required("CASEFLOW_TEST_RABBITMQ"));
    public static Uri RabbitMqManagement => new(Required("CASEFLOW_TEST_RABBITMQ_MANAGEMENT"));
    public static string RabbitMqScript => Required("CASEFLOW_RABBITMQ_SCRIPT");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with ./caseflow test");
}
