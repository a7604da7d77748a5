using CaseFlow.Correspondence.Deadlines.Watching;
using CaseFlow.Correspondence.Letters.Sending;
using CaseFlow.Correspondence.Replies.Recording;
using CaseFlow.ServiceDefaults.Messaging;
using V1 = CaseFlow.Contracts.Correspondence.V1;

namespace CaseFlow.Correspondence.Messaging;

/// <summary>The integration events Correspondence publishes, from which of its domain events.</summary>
public sealed class CorrespondencePublishes : IntegrationEventMap
{
    /// <summary>
    /// A letter's subject and a reply's summary are personal data: they stay in Correspondence, sealed. The contract's
    /// fields are kept (empty) so that consumers built on V1 still read the messages; none of them needs the text.
    /// </summary>
    public CorrespondencePublishes()
    {
        Publish<LetterSent>(e => new V1.LetterSent(e.Data.CaseId, e.Data.CenterId, e.Data.LetterId, e.Data.AgencyId,
            e.Data.AgencyName, e.Data.Kind, "", e.Data.ReplyDueBy, e.Data.OccurredAt, e.Data.RegisterNumber, e.Data.OutgoingReference));
        Publish<ReplyReceived>(e => new V1.AgencyReplied(e.Data.CaseId, e.Data.CenterId, e.Data.LetterId, e.Data.AgencyId,
            e.Data.AgencyName, e.Data.Decision, "", e.Data.OccurredAt));
        Publish<ReplyOverdue>(e => new V1.ReplyOverdue(e.Data.CaseId, e.Data.CenterId, e.Data.LetterId, e.Data.AgencyId,
            e.Data.AgencyName, e.Data.ReplyDueBy, e.Data.OccurredAt));
    }
}
