using CaseFlow.Correspondence.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Tests.Input;

/// <summary>The one input check, driven by the request's descriptor: limits, ids and request ids, named by JSON path.</summary>
public sealed class RequestShapeTests
{
    private static readonly string CaseId = Guid.NewGuid().ToString();

    [Fact]
    public void A_well_formed_request_has_no_problem()
    {
        RequestShape.Problems(new HoldConsultationRequest { CaseId = CaseId, RequestId = "r-1", Topic = "t", Advice = "a" }).ShouldBeEmpty();
    }

    [Fact]
    public void Every_string_has_a_limit_the_default_one_unless_the_field_says_otherwise()
    {
        Fields(new HoldConsultationRequest { CaseId = CaseId, Topic = new string('t', RequestShape.DefaultMaxLength) }).ShouldBeEmpty();
        Fields(new HoldConsultationRequest { CaseId = CaseId, Topic = new string('t', RequestShape.DefaultMaxLength + 1) }).ShouldBe(["topic"]);
        Fields(new DraftLetterRequest { CaseId = CaseId, Body = new string('b', 20_000) }).ShouldBeEmpty();
        Fields(new DraftLetterRequest { CaseId = CaseId, Body = new string('b', 20_001), Subject = new string('s', 301) })
            .ShouldBe(["subject", "body"], ignoreOrder: true);
    }

    [Fact]
    public void Nested_repeated_and_previously_unlimited_strings_are_named_by_their_json_path()
    {
        var member = new RecordFamilyMemberRequest
        {
            CaseId = CaseId,
            Member = new FamilyMember { MemberId = "son-1", Caregiver = new string('c', 100_000), Location = new Place { City = new string('x', 201) } },
        };
        Fields(member).ShouldBe(["member.location.city", "member.caregiver"], ignoreOrder: true);

        var applicant = new RegisterApplicantRequest
        {
            CaseId = CaseId,
            Applicant = new ApplicantDetails
            {
                Phone = new string('1', 51), Citizenship = new string('k', 101), MigrationStatus = new string('m', 101),
                Documents = { new IdentityDocument { Number = "AN123" }, new IdentityDocument { Number = new string('9', 101) } },
            },
        };
        Fields(applicant).ShouldBe(["applicant.phone", "applicant.citizenship", "applicant.migrationStatus", "applicant.documents[1].number"],
            ignoreOrder: true);

        var agency = new CreateAgencyRequest { AgencyId = "kz-consulate", Agency = new AgencyDetails { Languages = { "ru", new string('l', 11) } } };
        Fields(agency).ShouldBe(["agency.languages[1]"]);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("5b0c3c0e-2f43-4a57-9d1e-0d6c1f7b2a1")]
    public void An_id_field_holds_a_uuid(string id)
    {
        var problems = RequestShape.Problems(new ReviseLetterRequest { CaseId = CaseId, LetterId = id });
        problems.Select(p => p.Field).ShouldBe(["letterId"]);
        problems[0].Problem.ShouldContain("not a valid id");
    }

    [Fact]
    public void An_id_not_given_is_left_to_the_command_to_require()
    {
        Fields(new ReviseLetterRequest()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("r-1")]
    [InlineData("5b0c3c0e-2f43-4a57-9d1e-0d6c1f7b2a11")]
    [InlineData("batch:7.2_retry")]
    [InlineData("")]
    public void A_request_id_is_optional_and_when_given_letters_digits_and_a_few_marks(string requestId)
    {
        Fields(new OpenCaseRequest { RequestId = requestId }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not valid!")]
    [InlineData(" ")]
    [InlineData("запрос-1")]
    [InlineData("a/b")]
    public void Any_other_request_id_is_refused_naming_it(string requestId)
    {
        Fields(new OpenCaseRequest { RequestId = requestId }).ShouldBe(["requestId"]);
        Fields(new CreateAgencyRequest { RequestId = requestId, AgencyId = "x" }).ShouldBe(["requestId"]);
    }

    [Fact]
    public void A_request_id_has_at_most_128_characters()
    {
        Fields(new OpenCaseRequest { RequestId = new string('r', RequestIdRule.MaxLength) }).ShouldBeEmpty();
        Fields(new OpenCaseRequest { RequestId = new string('r', RequestIdRule.MaxLength + 1) }).ShouldBe(["requestId"]);
    }

    [Fact]
    public void Every_request_field_holding_a_case_letter_or_flight_id_is_declared_a_uuid()
    {
        var idFields = Requests().SelectMany(m => m.Fields.InDeclarationOrder())
            .Where(f => f.Name is "case_id" or "letter_id" or "flight_id").ToList();
        idFields.Count.ShouldBeGreaterThan(40);
        idFields.ShouldAllBe(f => RequestShape.IsUuid(f));
    }

    [Fact]
    public void Every_request_id_of_every_request_is_a_string_under_the_request_id_rule()
    {
        var requestIds = Requests().Select(m => m.FindFieldByName("request_id")).OfType<FieldDescriptor>().ToList();
        requestIds.Count.ShouldBeGreaterThanOrEqualTo(39);
        requestIds.ShouldAllBe(f => RequestShape.IsRequestId(f) && RequestShape.MaxLength(f) == RequestIdRule.MaxLength);
    }

    private static IEnumerable<MessageDescriptor> Requests() =>
        CaseFlowMethods.All.Select(m => m.Descriptor.InputType).Distinct();

    private static IEnumerable<string> Fields(Google.Protobuf.IMessage request) => RequestShape.Problems(request).Select(p => p.Field);
}
