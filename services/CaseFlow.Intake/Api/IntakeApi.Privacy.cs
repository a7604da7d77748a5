using CaseFlow.Intake.Cases.Consenting;
using CaseFlow.Intake.Cases.Erasing;
using Grpc.Core;

namespace CaseFlow.Intake.Api;

/// <summary>The person's say over their data: consents to share it, and its erasure.</summary>
public sealed partial class IntakeApi
{
    public override Task<ConsentChanged> GiveConsent(GiveConsentRequest request, ServerCallContext context)
    {
        var parsed = GiveConsentRules.Parse(request, Guid.CreateVersion7(), Now);
        return Change(context, request, _ => parsed, GiveConsentRules.Decide,
            (before, decided, version) => GiveConsentRules.Respond(before, decided, version, parsed.Command.ConsentId ?? parsed.Command.NewConsentId));
    }

    public override Task<ConsentChanged> WithdrawConsent(WithdrawConsentRequest request, ServerCallContext context)
    {
        var parsed = WithdrawConsentRules.Parse(request, Now);
        return Change(context, request, _ => parsed, WithdrawConsentRules.Decide,
            (before, decided, version) => GiveConsentRules.Respond(before, decided, version, parsed.Command.ConsentId));
    }

    public override Task<CaseChanged> ErasePersonalData(ErasePersonalDataRequest request, ServerCallContext context) =>
        ErasePersonalDataRules.Handle(commands, keys, request, CallerOf(context), Now, context.CancellationToken);
}
