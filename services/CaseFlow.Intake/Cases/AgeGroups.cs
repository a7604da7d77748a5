namespace CaseFlow.Intake.Cases;

/// <summary>Child or adult at the case's opening: what dashboards count instead of a birth date.</summary>
public static class AgeGroups
{
    public const int AdultAge = 18;
    public const string Child = "child";
    public const string Adult = "adult";
    public const string Unknown = "unknown";

    public static string At(DateOnly? birthDate, int? ageYears, DateOnly day) =>
        birthDate is { } born ? (born.AddYears(AdultAge) > day ? Child : Adult)
        : ageYears is { } age ? (age < AdultAge ? Child : Adult)
        : Unknown;

    public static string AtOpening(this Case state, DateOnly? birthDate, int? ageYears = null) =>
        At(birthDate, ageYears, DateOnly.FromDateTime(state.OpenedAt.UtcDateTime));
}
