using CaseFlow.Intake.Cases.RecordingFamily;

namespace CaseFlow.Intake.Cases.Erasing;

/// <summary>
/// A person's personal data was erased (right to erasure): from now on every value sealed under them reads as erased,
/// in every service. The erasure itself stays in the history, with its reason and legal ground (not personal).
/// </summary>
/// <param name="Person">applicant, escort, or member:&lt;memberId&gt; (<see cref="Subjects.Of"/>).</param>
public sealed record PersonalDataErased(
    Guid CaseId, string CenterId, Guid SubjectId, string Person, string Reason, string LegalBasis, DateTimeOffset OccurredAt);

/// <param name="Person">As the API names them: applicant, escort, or a member id.</param>
public sealed record ErasePersonalData(string Person, string Reason, string LegalBasis, DateTimeOffset OccurredAt);

public static class ErasePersonalDataRules
{
    public const int MaxReason = 1000;
    public const int MaxLegalBasis = 200;

    public static (StreamCommand Target, ErasePersonalData Command) Parse(ErasePersonalDataRequest request, DateTimeOffset now)
    {
        var check = new InputCheck();
        var target = CaseCommand.Target(check, "ErasePersonalData", request.CaseId, request.RequestId, request.HasExpectedVersion, request.ExpectedVersion);
        var occurredAt = check.BusinessTime(request.OccurredAt, now);
        var person = check.Text(request.Person, "person", "whose data to erase: applicant, escort or a member id", MemberInput.MaxMemberId);
        var reason = check.Text(request.Reason, "reason", "the reason for the erasure", MaxReason);
        var legalBasis = check.Text(request.LegalBasis, "legalBasis", "the legal ground for the erasure", MaxLegalBasis);
        check.ThrowIfAny();
        return (target, new ErasePersonalData(person, reason, legalBasis, occurredAt));
    }

    /// <summary>The person as their data subject names them: applicant, escort, or member:&lt;memberId&gt;.</summary>
    public static string SubjectPerson(Case state, string person) => person switch
    {
        Subjects.ApplicantPerson or Subjects.EscortPerson => person,
        _ when state.Member(person) is not null => Subjects.MemberPrefix + person,
        _ => throw new NotFound($"no person '{person}' in case {state.Id}: name the applicant, the escort or a member id of the case"),
    };

    /// <summary>Closed cases too: the right to erasure does not end with the case. Erasing someone again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(Case state, ErasePersonalData command)
    {
        CaseRules.EnsureNotBeforeOpening(state, command.OccurredAt);
        var person = SubjectPerson(state, command.Person);
        if (state.ErasedPeople.Contains(command.Person)) return [];
        return
        [
            new PersonalDataErased(state.Id, state.CenterId, Subjects.Of(state.Id, person), person, command.Reason, command.LegalBasis,
                command.OccurredAt),
        ];
    }

    /// <summary>
    /// Records the erasure, then erases Intake's own key at once (its answers show [erased] from then on); the other
    /// services erase theirs when they hear of it. A retry erases again, which changes nothing.
    /// </summary>
    public static async Task<CaseChanged> Handle(StreamCommands commands, SubjectKeys keys, ErasePersonalDataRequest request,
        Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var (target, command) = Parse(request, now);
        var changed = await commands.Run<Case, CaseChanged>(target, request, caller, state => Decide(state, command), CaseCommand.Changed, ct);
        // The decision checked the person exists; a retry answered from the first call's record erases again.
        var person = command.Person is Subjects.ApplicantPerson or Subjects.EscortPerson ? command.Person : Subjects.MemberPrefix + command.Person;
        await keys.Erase(Subjects.Of(target.StreamId, person), command.LegalBasis, ct);
        return changed;
    }
}
