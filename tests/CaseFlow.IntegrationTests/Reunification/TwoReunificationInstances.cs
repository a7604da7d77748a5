using System.Collections.Concurrent;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.Reunification;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.IntegrationTests.Reunifying;

/// <summary>
/// The system with a second Reunification instance on the same schema and queues: RabbitMQ hands the deliveries of one
/// queue to its consumers in turn, so two copies of a message published back to back go to the two instances at once.
/// Every delivery each instance consumed is recorded (instance, message id).
/// </summary>
public sealed class TwoReunificationInstances : CaseFlowSystem
{
    public RunningService SecondReunification { get; private set; } = null!;
    public ConcurrentQueue<(string Instance, Guid MessageId)> Consumed { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SecondReunification = await Start(ReunificationService.Identity, ReunificationService.Build, IntakeAddress,
            "--EventStore:DaemonMode=Disabled");
        Record("first", Reunification);
        Record("second", SecondReunification);
    }

    private void Record(string instance, RunningService service) =>
        service.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new Recorder(instance, Consumed));

    private sealed class Recorder(string instance, ConcurrentQueue<(string, Guid)> consumed) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) consumed.Enqueue((instance, id));
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
