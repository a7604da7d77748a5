using System.Text;
using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Tests.Input;

/// <summary>A JSON body that would not parse names the field and what was expected, as proto3 JSON reads it.</summary>
public sealed class JsonShapeTests
{
    [Theory]
    [InlineData("""{"durationMinutes":"forty-two"}""", "durationMinutes", "expected an integer")]
    [InlineData("""{"durationMinutes":"42"}""", "durationMinutes", "expected an integer")] // 32-bit: the transcoder wants a number
    [InlineData("""{"durationMinutes":42.5}""", "durationMinutes", "expected an integer")]
    [InlineData("""{"durationMinutes":99999999999}""", "durationMinutes", "expected an integer")]
    [InlineData("""{"topic":12345}""", "topic", "expected a string")]
    [InlineData("""{"expectedVersion":"forty-two"}""", "expectedVersion", "expected an integer")]
    [InlineData("""{"occurredAt":"yesterday"}""", "occurredAt", "RFC 3339")]
    [InlineData("""{"occurredAt":1585818000}""", "occurredAt", "RFC 3339")]
    [InlineData("""{"topic":"t","mood":"calm"}""", "mood", "unknown field")]
    [InlineData("""{"topic":["t"]}""", "topic", "expected a string")]
    [InlineData("""[]""", "body", "expected an object")]
    [InlineData("""  """, "body", "is empty")]
    [InlineData("", "body", "is empty")]
    [InlineData("""{"topic": "t", "advice": """, "advice", "malformed JSON near advice")]
    [InlineData("""{"topic": "t" """, "topic", "malformed JSON near")]
    [InlineData("""{""", "body", "malformed JSON near")]
    public void A_consultation_body_that_would_not_parse_names_the_field(string body, string field, string expected)
    {
        var problems = Problems(body, HoldConsultationRequest.Descriptor);
        problems.Select(p => p.Field).ShouldBe([field], string.Join("; ", problems));
        problems[0].Problem.ShouldContain(expected);
    }

    [Theory]
    [InlineData("""{"requestId":"r-1","expectedVersion":"5","topic":"t","advice":"a","durationMinutes":40}""")]
    [InlineData("""{"expectedVersion":5,"occurredAt":"2020-04-03T09:00:00+03:00"}""")]
    [InlineData("""{"occurredAt":"2020-04-03T09:00:00.123456789Z","topic":null}""")]
    [InlineData("""{"request_id":"r-1","duration_minutes":40}""")]
    [InlineData("""{}""")]
    public void What_proto3_json_accepts_passes(string body)
    {
        Problems(body, HoldConsultationRequest.Descriptor).ShouldBeEmpty();
    }

    [Fact]
    public void Nested_and_repeated_values_are_named_by_their_json_path()
    {
        Problems("""{"member":{"caregiver":7,"location":{"city":false}}}""", RecordFamilyMemberRequest.Descriptor)
            .Select(p => p.Field).ShouldBe(["member.caregiver", "member.location.city"]);
        Problems("""{"applicant":{"documents":[{"number":"1"},{"number":2}]}}""", RegisterApplicantRequest.Descriptor)
            .Select(p => p.Field).ShouldBe(["applicant.documents[1].number"]);
        Problems("""{"applicant":{"documents":{"number":"1"}}}""", RegisterApplicantRequest.Descriptor)
            .Select(p => p.Field).ShouldBe(["applicant.documents"]);
        Problems("""{"agency":{"languages":["ru",3],"defaultReplyDays":"x"}}""", CreateAgencyRequest.Descriptor)
            .Select(p => p.Field).ShouldBe(["agency.languages[1]", "agency.defaultReplyDays"]);
        Problems("""{"applicant":{"documents":[{"number": """, RegisterApplicantRequest.Descriptor)
            .Select(p => p.Field).ShouldBe(["applicant.documents[0].number"]);
    }

    [Fact]
    public void A_body_bound_to_one_field_is_read_as_that_field()
    {
        var request = RecordFamilyMemberRequest.Descriptor;
        Problems("""{"caregiver":7}""", request, "member").Select(p => p.Field).ShouldBe(["member.caregiver"]);
        Problems("""{"caregiver":"aunt"}""", request, "member").ShouldBeEmpty();
        Problems("", request, "member").Select(p => p.Field).ShouldBe(["body"]);
    }

    private static IReadOnlyList<FieldProblem> Problems(string body, MessageDescriptor request, string rule = "*") =>
        JsonShape.Problems(Encoding.UTF8.GetBytes(body), request, rule);
}
