using CaseFlow.Audit.Api.V1;
using CaseFlow.Intake.Api.V1;
using CaseFlow.Reunification.Api.V1;
using CaseFlow.ServiceDefaults.Security;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CaseFlow.ServiceDefaults.Tests.Access;

/// <summary>One redaction, driven by the <c>personal</c> marks: nested, repeated and Struct fields alike.</summary>
public sealed class PersonalDataTests
{
    private static readonly Caller Dashboard = new("board", Caller.Dashboard, null);
    private static readonly DeclaredMethod Manifest = CaseFlowMethods.Find("/caseflow.reunification.v1.Flights/GetFlightManifest")!;

    [Fact]
    public void A_dashboard_gets_a_case_without_any_personal_field_nested_or_repeated()
    {
        var details = new CaseDetails
        {
            CaseId = "c", CenterId = "kara-suu", ApplicantName = "Alima", Status = "open",
            Applicant = new ApplicantDetails
            {
                FullName = "Alima", Phone = "+996", Sex = "female",
                Documents = { new IdentityDocument { Kind = "passport", Number = "AN123" } },
                CurrentLocation = new Place { Country = "Kyrgyzstan", City = "Osh" },
            },
            Family = { new FamilyMember { MemberId = "son-1", FullName = "Timur", BirthDate = "2018-01-01", Caregiver = "Gulnara" } },
        };

        PersonalData.Clear(details, Dashboard, hideAll: !PersonalData.SeenBy(Dashboard.Role));

        PersonalStrings(details).ShouldBeEmpty();
        details.Status.ShouldBe("open");
        details.Applicant.Documents[0].Kind.ShouldBe("passport");
        details.Applicant.CurrentLocation.Country.ShouldBe("Kyrgyzstan");
        details.Family[0].MemberId.ShouldBe("son-1");
    }

    [Fact]
    public void A_personal_struct_goes_entirely()
    {
        var history = new CaseHistory { Events = { new HistoryEvent { Type = "CaseOpened", Data = Struct.Parser.ParseJson("{\"applicantName\":\"Alima\"}") } } };
        PersonalData.Clear(history, Dashboard, hideAll: true);
        history.Events[0].Data.ShouldBeNull();
        history.Events[0].Type.ShouldBe("CaseOpened");
    }

    [Fact]
    public void An_operator_sees_the_names_of_their_own_centers_travellers_only_and_a_supervisor_all()
    {
        FlightManifest Sample() => new()
        {
            Passengers =
            {
                new Passenger { CenterId = "kara-suu", Name = "Timur", Escort = "Gulnara" },
                new Passenger { CenterId = "osh", Name = "Aibek", Escort = "Nurlan" },
            },
        };
        var manifest = Sample();
        PersonalData.Clear(manifest, new Caller("aigul", Caller.Operator, "kara-suu") { Call = Manifest }, hideAll: false);
        manifest.Passengers.Select(p => p.Name).ShouldBe(["Timur", ""]);
        manifest.Passengers.Select(p => p.Escort).ShouldBe(["Gulnara", ""]);

        var seen = Sample();
        PersonalData.Clear(seen, new Caller("coordinator", Caller.Supervisor, null) { Call = Manifest }, hideAll: false);
        seen.ShouldBe(Sample());
    }

    /// <summary>Every non-empty personal string left anywhere in a message.</summary>
    private static IEnumerable<string> PersonalStrings(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder().SelectMany(field =>
        {
            var value = field.Accessor.GetValue(message);
            if (field.FieldType == FieldType.Message)
                return (field.IsRepeated ? ((System.Collections.IList)value).OfType<IMessage>() : value is IMessage one ? [one] : [])
                    .SelectMany(PersonalStrings);
            return PersonalData.IsPersonal(field) && value is string { Length: > 0 } text ? [text] : Enumerable.Empty<string>();
        });
}
