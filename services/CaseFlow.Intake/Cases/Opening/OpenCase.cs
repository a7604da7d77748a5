namespace CaseFlow.Intake.Cases.Opening;

/// <param name="ApplicantName">The name given at opening, sealed under the applicant.</param>
public sealed record CaseOpened(
    Guid CaseId, string CenterId, string Category, string Channel, Sealed<string> ApplicantName, DateTimeOffset OccurredAt);

public sealed record OpenCase(
    Guid CaseId, string CenterId, string Category, string Channel, string ApplicantName, DateTimeOffset OccurredAt);

public static class OpenCaseRules
{
    public const string DefaultChannel = "walk-in";

    /// <summary>Checks the shape of the request against the reference data; every problem names its field.</summary>
    public static (CommandCall Call, OpenCase Command) Parse(OpenCaseRequest request, ReferenceData.ReferenceData reference,
        Guid newCaseId, DateTimeOffset now)
    {
        var check = new InputCheck();
        var centerId = request.CenterId.Trim();
        var category = request.Category.Trim();
        check.Required(centerId, "centerId", "the center")
            .That(centerId.Length == 0 || reference.IsCenter(centerId), "centerId",
                $"unknown center '{centerId}'; known centers: {reference.KnownCenters}");
        check.Required(category, "category", "the category")
            .That(category.Length == 0 || reference.IsCategory(category), "category",
                $"unknown category '{category}'; known categories: {reference.KnownCategories}");
        var name = check.Text(request.ApplicantName, "applicantName", "the applicant's name", PersonName.MaxLength);
        var channel = string.IsNullOrWhiteSpace(request.Channel)
            ? DefaultChannel
            : check.OneOf(request.Channel, ReferenceData.ReferenceData.Channels, "channel", "channel");
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        check.ThrowIfAny();
        return (CaseCommand.NewCase("OpenCase", request.RequestId), new OpenCase(newCaseId, centerId, category, channel, name, occurredAt));
    }

    public static CaseOpened Decide(OpenCase command) => new(
        command.CaseId, command.CenterId, command.Category, command.Channel,
        Sealed.For(Subjects.Applicant(command.CaseId), command.ApplicantName), command.OccurredAt);

    /// <summary>
    /// A new case's stream does not exist yet, so no stream can say whose it is: the center named in the command is
    /// checked against the caller here, after its shape and before anything is written.
    /// </summary>
    public static Task<OpenCaseResponse> Handle(StreamCommands commands, OpenCaseRequest request, Caller caller,
        ReferenceData.ReferenceData reference, DateTimeOffset now, CancellationToken ct)
    {
        var (call, command) = Parse(request, reference, Guid.CreateVersion7(), now);
        caller.EnsureCanChange(command.CenterId);
        return commands.Run(call, request, caller, writer =>
        {
            writer.Start<Case>(command.CaseId, [Decide(command)]);
            return Task.FromResult(new OpenCaseResponse { CaseId = command.CaseId.ToString(), Version = 1 });
        }, ct);
    }
}
