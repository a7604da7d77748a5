namespace CaseFlow.Cli.Calling;

/// <summary>
/// A failure the CLI explains in one paragraph instead of a stack trace: which service, what the CLI was doing or
/// waiting for, and where to look next. The program prints the message and exits non-zero.
/// </summary>
public class CliFailure(string message, Exception? cause = null) : Exception(message, cause);

public sealed class ServiceDidNotAnswer(string service, string detail, Exception? cause = null) : CliFailure(
    $"{service} did not answer ({detail}).\nIs it running? ./caseflow run starts the services; ./caseflow infra status shows PostgreSQL and RabbitMQ.",
    cause)
{
    public string Service => service;
    public string Detail => detail;
}

/// <summary>Something a service learns through the broker did not arrive in time: usually RabbitMQ or a consumer is down.</summary>
public sealed class DeliveryTimedOut(string service, string what, TimeSpan waited) : CliFailure(
    $"gave up after {waited.TotalSeconds:F0} s waiting for {what} in {service}: it hears of it by message, and none arrived.\n" +
    "Is RabbitMQ up and every service ready? ./caseflow infra status shows the infrastructure, ./caseflow admin status the services' queues and lags.");
