// Namespace "CorrespondenceLetters", not "Correspondence": that name would hide CaseFlow.Correspondence from the other test folders.
using CaseFlow.IntegrationTests.Harness;

namespace CaseFlow.IntegrationTests.CorrespondenceLetters;

/// <summary>The letter test classes share one running system: each system starts three services, and the suite runs on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class CorrespondenceSystemCollection : ICollectionFixture<CaseFlowSystem>
{
    public const string Name = "correspondence letters";
}
