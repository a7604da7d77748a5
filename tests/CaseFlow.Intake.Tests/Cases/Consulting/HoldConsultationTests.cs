using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases.Consulting;
using CaseFlow.ServiceDefaults.EventStore;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Intake.Tests.Cases.Consulting;

public sealed class HoldConsultationTests
{
    private static readonly Caller Aigul = new("aigul", Caller.Operator, "kara-suu");

    private static HoldConsultationRequest Request(Action<HoldConsultationRequest>? change = null)
    {
        var request = new HoldConsultationRequest
        {
            CaseId = Given.CaseId.ToString(), RequestId = "r-1", Topic = " entry to Russia ", Advice = "apply to the MFA",
            DurationMinutes = 45, OccurredAt = Timestamp.FromDateTimeOffset(Given.Day(1)),
        };
        change?.Invoke(request);
        return request;
    }

    [Fact]
    public void Given_no_lawyer_when_parsing_then_the_caller_gave_the_consultation_on_the_named_case()
    {
        var (target, command) = HoldConsultationRules.Parse(Request(), Aigul, Given.Day(2));

        target.ShouldBe(new StreamCommand("intake.HoldConsultation", "case", Given.CaseId, null, "r-1"));
        command.ShouldBe(new HoldConsultation("aigul", "entry to Russia", "apply to the MFA", 45, Given.Day(1)));
    }

    [Fact]
    public void Given_several_problems_then_each_field_is_named_at_once()
    {
        var problems = Should.Throw<InvalidInput>(() => HoldConsultationRules.Parse(Request(r =>
        {
            r.CaseId = "not-a-case";
            r.ExpectedVersion = 0;
            r.Topic = "";
            r.DurationMinutes = 9 * 60;
            r.OccurredAt = Timestamp.FromDateTimeOffset(Given.Day(3));
        }), Aigul, Given.Day(2))).Problems;

        problems.Select(p => p.Field).ShouldBe(["caseId", "expectedVersion", "occurredAt", "topic", "durationMinutes"]);
    }
}
