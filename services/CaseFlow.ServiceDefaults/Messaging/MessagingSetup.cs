using CaseFlow.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.ServiceDefaults.Messaging;

public static class MessagingSetup
{
    /// <summary>
    /// Every receive endpoint as a quorum queue (replicated over a cluster's nodes, so it survives the loss of one):
    /// MassTransit copies a receive queue's arguments to its _error and _skipped queues, so they are quorum too. Off by
    /// default, for one local node; a classic queue cannot become a quorum one in place (docs/scaling.md: moving over).
    /// </summary>
    public const string QuorumQueuesSetting = "RabbitMq:QuorumQueues";

    /// <summary>
    /// MassTransit over RabbitMQ. Queues are named after the service ("correspondence-case-opened"), so each
    /// service gets its own copy of every event; handlers retry, then park the message in its _error queue.
    /// </summary>
    public static void AddMessaging(this WebApplicationBuilder builder, ServiceIdentity service,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var broker = new Uri(builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not set"));
        var (user, password) = Credentials(broker);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));

        var queues = new BrokerQueues(broker, service.Name);

        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton(queues);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                queues.Declared(queue);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit
                    && context.GetRequiredService<IConfiguration>().GetValue(QuorumQueuesSetting, false))
                    rabbit.SetQuorumQueue();
            });
            // MassTransit reports usage to its vendor over the internet by default: an installation holding migrants' and
            // children's data calls out to no one it has not chosen.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.AddConsumer<Privacy.Erasing.EraseKeysWhenPersonalDataErased>();
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                // Eight by default; tests of dead letters park a poison message sooner. Read when the bus is built, after a test's changes.
                var retries = context.GetRequiredService<IConfiguration>().GetValue("Messaging:RetryLimit", 8);
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port),
                    string.IsNullOrEmpty(virtualHost) ? "/" : virtualHost, host =>
                    {
                        host.Username(user);
                        host.Password(password);
                    });
                rabbit.UseMessageRetry(retry => retry.Exponential(retries, TimeSpan.FromMilliseconds(50),
                    TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
                rabbit.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(service.Name, false));
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            // The API must answer while the broker is down; the outbox holds what is not yet published.
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(10);
        });
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        var parts = broker.UserInfo.Split(':', 2);
        return parts.Length == 2
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
