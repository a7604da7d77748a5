namespace CaseFlow.Intake.Cases.Vulnerabilities;

/// <summary>A kind of vulnerability from reference data, and whether it alone makes a case high priority.</summary>
public sealed record VulnerabilityKind(string Id, string Name, bool RaisesPriority);

/// <summary>The priority of a case follows from its open vulnerabilities, never from an operator's whim.</summary>
public static class CasePriorities
{
    public const string SeparatedChild = "separated-child";
    public const string CaregiverIncapacitated = "caregiver-incapacitated";

    public static CasePriority Of(IReadOnlyList<OpenVulnerability> open, IReadOnlyList<FamilyMember> family,
        IReadOnlyList<VulnerabilityKind> kinds, DateOnly today)
    {
        var childApart = open.Any(v => v.Kind == SeparatedChild) || family.Any(m => m.Separated && m.IsMinorOn(today));
        // A child far from their parent whose caregiver can no longer look after them: the story's turning point.
        if (childApart && open.Any(v => v.Kind == CaregiverIncapacitated)) return CasePriority.Urgent;
        return open.Any(v => kinds.FirstOrDefault(k => k.Id == v.Kind)?.RaisesPriority ?? false)
            ? CasePriority.High
            : CasePriority.Normal;
    }
}
