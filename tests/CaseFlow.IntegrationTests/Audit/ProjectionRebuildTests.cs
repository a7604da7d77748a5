using System.Text.Json.Nodes;
using CaseFlow.IntegrationTests.Harness;
using Npgsql;

namespace CaseFlow.IntegrationTests.Audit;

/// <summary>Any projection can be rebuilt from the events and comes out identical to the one maintained live.</summary>
public sealed class ProjectionRebuildTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task Every_projection_of_every_service_rebuilds_identical_to_the_live_one()
    {
        var intake = system.Intake.Json(system.Token());
        for (var i = 0; i < 3; i++)
        {
            var caseId = (await intake.OpenCase(IntakeCalls.NewCase(name: $"Rebuilt Applicant {i}"))).Str("caseId");
            await intake.Post($"/v1/cases/{caseId}/consultations", new { requestId = Guid.NewGuid().ToString(), topic = "t", advice = "a", durationMinutes = 10 }).Ok();
            await Eventually.Get(() => system.Reunification.Json(system.Token()).Find($"/v1/cases/{caseId}/reunification"), "the reunification file");
            await Eventually.Get(() => system.Correspondence.Json(system.Token()).Find($"/v1/cases/{caseId}/correspondence"), "the correspondence file");
        }
        var supervisor = system.Token(role: "supervisor", center: null, user: "coordinator");

        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
        {
            var admin = service.Json(supervisor);
            var projections = (await admin.Get("/v1/admin/projections").Ok())["projections"]!.AsArray();
            projections.ShouldNotBeEmpty();
            foreach (var projection in projections.Select(p => p!["name"]!.ToString()))
            {
                var before = await system.Documents(service);
                var answer = (await admin.Post($"/v1/admin/projections/{projection}/rebuild", new { })).EnsureSuccess();
                answer.Body.Replace(" ", "").ShouldContain("\"done\":true", Case.Sensitive, answer.Body);
                (await system.Documents(service)).ShouldBe(before, $"{service.Name} projection {projection} rebuilt differently");
            }
        }
    }
}
