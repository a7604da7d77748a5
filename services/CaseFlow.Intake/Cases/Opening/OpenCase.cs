using CaseFlow.Intake.Api.V1;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Intake.Cases.Opening;

public sealed record CaseOpened(
    Guid CaseId, string CenterId, string Category, string Channel, string ApplicantName, DateTimeOffset OccurredAt);

public sealed record OpenCase(
    Guid CaseId, string CenterId, string Category, string Channel, string ApplicantName, DateTimeOffset OccurredAt);

public static class OpenCaseRules
{
    public const int MaxNameLength = 200;
    /// <summary>Clients' clocks drift; a business time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    public static readonly DateTimeOffset EarliestBusinessTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Checks the shape of the request against the reference data; every problem names its field.</summary>
    public static OpenCase Parse(OpenCaseRequest request, ReferenceData.ReferenceData reference, Guid newCaseId, DateTimeOffset now)
    {
        var check = new InputCheck();
        var centerId = request.CenterId.Trim();
        var category = request.Category.Trim();
        var name = request.ApplicantName.Trim();
        var channel = string.IsNullOrWhiteSpace(request.Channel) ? "walk-in" : request.Channel.Trim();

        check.Required(centerId, "centerId", "the center")
            .That(centerId.Length == 0 || reference.IsCenter(centerId), "centerId",
                $"unknown center '{centerId}'; known centers: {reference.KnownCenters}");
        check.Required(category, "category", "the category")
            .That(category.Length == 0 || reference.IsCategory(category), "category",
                $"unknown category '{category}'; known categories: {reference.KnownCategories}");
        check.Required(name, "applicantName", "the applicant's name").MaxLength(name, MaxNameLength, "applicantName");
        check.That(ReferenceData.ReferenceData.Channels.Contains(channel), "channel",
            $"unknown channel '{channel}'; use one of: {string.Join(", ", ReferenceData.ReferenceData.Channels)}");

        var occurredAt = request.OccurredAt?.ToDateTimeOffset() ?? now;
        check.That(occurredAt <= now + ClockSkew, "occurredAt", $"{occurredAt:O} is in the future");
        check.That(occurredAt >= EarliestBusinessTime, "occurredAt", $"{occurredAt:O} is before {EarliestBusinessTime:yyyy-MM-dd}");
        check.ThrowIfAny();

        return new OpenCase(newCaseId, centerId, category, channel, name, occurredAt);
    }

    public static CaseOpened Decide(OpenCase command) => new(
        command.CaseId, command.CenterId, command.Category, command.Channel, command.ApplicantName, command.OccurredAt);
}
