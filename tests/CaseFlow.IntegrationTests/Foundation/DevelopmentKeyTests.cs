using CaseFlow.Intake;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>The development signing key is for development machines: anywhere else a service refuses to start with it.</summary>
public sealed class DevelopmentKeyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_service_outside_development_refuses_the_development_signing_key_and_says_what_to_configure(string environment)
    {
        var refusal = Should.Throw<InvalidOperationException>(() => IntakeService.Build(
        [
            $"--environment={environment}",
            $"--Auth:SigningKey={new string('k', 48)}",
            "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1",
            "--ConnectionStrings:RabbitMq=amqp://unused@127.0.0.1:1/",
        ]));

        refusal.Message.ShouldContain(environment);
        refusal.Message.ShouldContain("Auth:Authority");
    }
}
