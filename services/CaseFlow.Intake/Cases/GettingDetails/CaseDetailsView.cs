using Google.Protobuf.WellKnownTypes;
using V1 = CaseFlow.Intake.Api.V1;

namespace CaseFlow.Intake.Cases.GettingDetails;

/// <summary>The case as the API shows it.</summary>
public static class CaseDetailsView
{
    public static async Task<V1.CaseDetails> Read(IQuerySession session, V1.GetCaseRequest request, Caller caller,
        ReferenceData.ReferenceData reference, CancellationToken ct) =>
        From(await CaseLookup.Readable(session, request.CaseId, caller, ct), reference);

    public static V1.CaseDetails From(Case state, ReferenceData.ReferenceData reference)
    {
        var center = reference.CenterOf(state.CenterId);
        var details = new V1.CaseDetails
        {
            CaseId = state.Id.ToString(),
            Version = (int)state.Version,
            CenterId = state.CenterId,
            CenterName = center?.Name ?? state.CenterId,
            Province = center?.Province ?? "",
            Category = state.Category,
            Channel = state.Channel,
            ApplicantName = state.ApplicantName,
            Status = Words.Of(state.Status),
            OpenedAt = Timestamp.FromDateTimeOffset(state.OpenedAt),
            Priority = Words.Of(state.Priority),
            AssignedOperator = state.AssignedOperator ?? "",
            ConsultationCount = state.ConsultationCount,
            FirstConsultationAt = Stamp(state.FirstConsultationAt),
            Outcome = state.Outcome is { } outcome ? Words.Of(outcome) : "",
            ClosedAt = Stamp(state.ClosedAt),
            ReunionReported = state.ReunionReported,
            Applicant = state.Applicant is { } applicant ? Applicant(applicant, state.Sex) : null,
        };
        details.Family.AddRange(state.Family.Select(Member));
        details.OpenVulnerabilities.AddRange(state.OpenVulnerabilities.Select(v => new V1.Vulnerability
        {
            VulnerabilityId = v.VulnerabilityId, Kind = v.Kind, MemberId = v.MemberId ?? "", Note = v.Note.Shown(),
            RaisedAt = Timestamp.FromDateTimeOffset(v.RaisedAt),
        }));
        details.Referrals.AddRange(state.Referrals.Select(r => new V1.Referral
        {
            ReferredTo = r.ReferredTo, Reason = r.Reason.Shown(), ReferredAt = Timestamp.FromDateTimeOffset(r.ReferredAt),
        }));
        details.ErasedPeople.AddRange(state.ErasedPeople);
        details.Consents.AddRange(state.Consents.Select(c =>
        {
            var consent = new V1.SharingConsent
            {
                ConsentId = c.ConsentId.ToString(), Version = c.Version, Purpose = c.Purpose, GivenAt = Timestamp.FromDateTimeOffset(c.GivenAt),
                WithdrawnAt = Stamp(c.WithdrawnAt),
                Note = state.ConsentNotes.FirstOrDefault(n => n.ConsentId == c.ConsentId)?.Note.Shown() ?? "",
            };
            consent.AgencyKinds.AddRange(c.AgencyKinds);
            return consent;
        }));
        return details;
    }

    /// <summary>An erased applicant still shows their sex (not personal) and "[erased]" where their details were.</summary>
    private static V1.ApplicantDetails Applicant(Sealed<ApplicantDetails> sealedDetails, string sex)
    {
        if (sealedDetails.Value is not { } a)
            return new V1.ApplicantDetails
            {
                FullName = Sealed.ErasedText, BirthDate = Sealed.ErasedText, Sex = sex, Citizenship = Sealed.ErasedText,
                Phone = Sealed.ErasedText, MigrationStatus = Sealed.ErasedText,
            };
        var applicant = new V1.ApplicantDetails
        {
            FullName = a.FullName, BirthDate = Day(a.BirthDate), Sex = a.Sex, Citizenship = a.Citizenship ?? "",
            Phone = a.Phone ?? "", CurrentLocation = Place(a.CurrentLocation), LocationAbroad = Place(a.LocationAbroad),
            MigrationStatus = a.MigrationStatus ?? "",
        };
        applicant.Documents.AddRange(a.Documents.Select(d => new V1.IdentityDocument { Kind = d.Kind, Number = d.Number, IssuedBy = d.IssuedBy ?? "" }));
        return applicant;
    }

    private static V1.FamilyMember Member(FamilyMember m)
    {
        var member = new V1.FamilyMember
        {
            MemberId = m.MemberId, Relationship = m.Relationship, AgeYears = m.AgeYears ?? 0, Separated = m.Separated,
        };
        if (m.Details.Value is { } d)
        {
            member.FullName = d.FullName;
            member.BirthDate = Day(d.BirthDate);
            member.Location = Place(d.Location);
            member.Caregiver = d.Caregiver ?? "";
        }
        else
        {
            member.FullName = member.BirthDate = member.Caregiver = Sealed.ErasedText;
            member.Location = m.Country is { } country ? new V1.Place { Country = country, City = Sealed.ErasedText } : null;
        }
        return member;
    }

    private static V1.Place? Place(Place? place) => place is null ? null : new V1.Place { Country = place.Country, City = place.City };
    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd") ?? "";
    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } time ? Timestamp.FromDateTimeOffset(time) : null;
}
