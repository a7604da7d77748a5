using System.Security.Claims;
using CaseFlow.ServiceDefaults.Errors;
using CaseFlow.ServiceDefaults.Security;

namespace CaseFlow.Intake.Tests.Access;

public sealed class CallerTests
{
    private static readonly Caller KaraSuuOperator = new("aigul", Caller.Operator, "kara-suu");

    [Fact]
    public void An_operator_changes_cases_of_their_own_center_only()
    {
        Should.NotThrow(() => KaraSuuOperator.EnsureCanChange("kara-suu"));
        Should.Throw<Forbidden>(() => KaraSuuOperator.EnsureCanChange("osh"));
    }

    [Fact]
    public void A_supervisor_changes_every_center_and_auditors_change_nothing()
    {
        Should.NotThrow(() => new Caller("coordinator", Caller.Supervisor, null).EnsureCanChange("osh"));
        Should.Throw<Forbidden>(() => new Caller("donor", Caller.Auditor, null).EnsureCanChange("osh"));
        Should.NotThrow(() => new Caller("donor", Caller.Auditor, null).EnsureCanRead("osh"));
    }

    [Fact]
    public void A_token_without_a_known_role_is_refused()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x"), new Claim("role", "janitor")]));
        Should.Throw<Forbidden>(() => Caller.From(principal));
    }
}
