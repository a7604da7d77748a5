namespace CaseFlow.Cli.Calling;

/// <summary>The three services' JSON APIs as one person calls them, with their token.</summary>
public sealed record CaseFlowApis(JsonApi Intake, JsonApi Correspondence, JsonApi Reunification)
{
    public static CaseFlowApis At(Uri intake, Uri correspondence, Uri reunification, string token) =>
        new(new JsonApi(intake, token, "intake"), new JsonApi(correspondence, token, "correspondence"),
            new JsonApi(reunification, token, "reunification"));

    public IEnumerable<JsonApi> All => [Intake, Correspondence, Reunification];
}
