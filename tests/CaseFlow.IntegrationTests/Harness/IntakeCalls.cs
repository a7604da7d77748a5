namespace CaseFlow.IntegrationTests.Harness;

/// <summary>Intake's calls every test folder needs: a case to work on.</summary>
public static class IntakeCalls
{
    public static object NewCase(string? requestId = null, string center = "kara-suu", string name = "Alima",
        string occurredAt = "2020-04-02T09:00:00Z") => new
    {
        requestId = requestId ?? Guid.NewGuid().ToString(),
        centerId = center,
        category = "family-separation",
        applicantName = name,
        occurredAt,
    };

    public static Task<System.Text.Json.Nodes.JsonObject> OpenCase(this JsonApi intake, object body) => intake.Post("/v1/cases", body).Ok();
}
