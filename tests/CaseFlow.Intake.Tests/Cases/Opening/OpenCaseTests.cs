using CaseFlow.Intake.Api.V1;
using CaseFlow.Intake.Cases.Opening;
using CaseFlow.Intake.ReferenceData;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.Intake.Tests.Cases.Opening;

public sealed class OpenCaseTests
{
    private static readonly DateTimeOffset Now = new(2020, 4, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid CaseId = Guid.NewGuid();

    private static readonly ReferenceData.ReferenceData Reference = new()
    {
        Centers = [new Center("kara-suu", "Kara-Suu city hall", "Osh")],
        Categories = [new Category("family-separation", "Family separated by migration")],
    };

    private static OpenCaseRequest Request(Action<OpenCaseRequest>? change = null)
    {
        var request = new OpenCaseRequest
        {
            RequestId = "r-1",
            CenterId = "kara-suu",
            Category = "family-separation",
            ApplicantName = "  Alima ",
            OccurredAt = Timestamp.FromDateTimeOffset(Now.AddHours(-3)),
        };
        change?.Invoke(request);
        return request;
    }

    private static IReadOnlyList<string> ProblemFields(OpenCaseRequest request) =>
        Should.Throw<InvalidInput>(() => OpenCaseRules.Parse(request, Reference, CaseId, Now)).Problems.Select(p => p.Field).ToList();

    [Fact]
    public void Given_a_valid_request_when_opening_then_the_case_is_opened_at_the_given_business_time()
    {
        var opened = OpenCaseRules.Decide(OpenCaseRules.Parse(Request(), Reference, CaseId, Now).Command);

        opened.ShouldBe(new CaseOpened(CaseId, "kara-suu", "family-separation", "walk-in",
            CaseFlow.ServiceDefaults.Privacy.Sealed.For(CaseFlow.ServiceDefaults.Privacy.Subjects.Applicant(CaseId), "Alima"), Now.AddHours(-3)));
    }

    [Fact]
    public void Given_no_business_time_when_opening_then_it_happened_now()
    {
        OpenCaseRules.Parse(Request(r => r.OccurredAt = null), Reference, CaseId, Now).Command.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public void Given_a_business_time_in_the_future_then_occurred_at_is_refused()
    {
        ProblemFields(Request(r => r.OccurredAt = Timestamp.FromDateTimeOffset(Now.AddHours(1)))).ShouldBe(["occurredAt"]);
    }

    [Fact]
    public void Given_a_client_clock_slightly_ahead_then_it_is_still_now()
    {
        Should.NotThrow(() => OpenCaseRules.Parse(Request(r => r.OccurredAt = Timestamp.FromDateTimeOffset(Now.AddSeconds(30))), Reference, CaseId, Now));
    }

    [Fact]
    public void Given_unknown_reference_data_then_each_field_is_named()
    {
        ProblemFields(Request(r => { r.CenterId = "atlantis"; r.Category = "fishing"; r.Channel = "pigeon"; }))
            .ShouldBe(["centerId", "category", "channel"]);
    }

    [Fact]
    public void Given_missing_fields_then_all_are_reported_at_once()
    {
        ProblemFields(new OpenCaseRequest()).ShouldBe(["centerId", "category", "applicantName"]);
    }

    [Fact]
    public void Given_an_overlong_name_then_applicant_name_is_refused()
    {
        ProblemFields(Request(r => r.ApplicantName = new string('a', PersonName.MaxLength + 1))).ShouldBe(["applicantName"]);
    }
}
