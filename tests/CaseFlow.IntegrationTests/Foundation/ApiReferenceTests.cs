using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.IntegrationTests.Access;
using CaseFlow.IntegrationTests.Harness;
using CaseFlow.ServiceDefaults.Security;
using Google.Api;

namespace CaseFlow.IntegrationTests.Foundation;

/// <summary>
/// Each service's OpenAPI document holds every JSON route its protos declare (read from the generated descriptors, so a
/// new rpc is checked without being listed here), and its reference page is served from the service itself.
/// </summary>
public sealed class ApiReferenceTests(CaseFlowSystem system) : IClassFixture<CaseFlowSystem>
{
    [Fact]
    public async Task Every_json_route_of_the_protos_is_in_its_services_openapi_document()
    {
        var documents = new Dictionary<RunningService, JsonObject>();
        foreach (var service in new[] { system.Intake, system.Correspondence, system.Reunification })
            documents[service] = (await new JsonApi(service.HttpAddress, token: null).Get("/openapi/v1.json").Ok());

        var checkedRoutes = 0;
        foreach (var method in CaseFlowMethods.All)
        {
            var rule = method.Descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            rule.ShouldNotBeNull(method.GrpcName);
            foreach (var (verb, template) in Routes(rule))
            foreach (var service in PolicyCall.ServicesOf(system, method))
            {
                var paths = documents[service]["paths"]!.AsObject()
                    .ToDictionary(p => Shape(p.Key), p => p.Value!.AsObject().Select(v => v.Key).ToList());
                paths.ShouldContainKey(Shape(template), $"{service.Name}: {method.GrpcName} ({verb} {template})");
                paths[Shape(template)].ShouldContain(verb, $"{service.Name}: {method.GrpcName} ({verb} {template})");
                checkedRoutes++;
            }
        }
        checkedRoutes.ShouldBeGreaterThan(CaseFlowMethods.All.Count);
        documents[system.Intake]["info"]!["title"]!.ToString().ShouldBe("CaseFlow intake");
    }

    [Fact]
    public async Task The_reference_page_and_its_assets_are_served_by_the_service_itself()
    {
        using var http = new HttpClient { BaseAddress = system.Correspondence.HttpAddress };
        var page = await http.GetAsync("/docs/index.html");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("swagger-ui");
        html.ShouldNotContain("https://");
        (await http.GetAsync("/docs/swagger-ui-bundle.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetStringAsync("/docs/index.js")).ShouldContain("/openapi/v1.json");
    }

    private static IEnumerable<(string Verb, string Template)> Routes(HttpRule rule) =>
        new[] { rule }.Concat(rule.AdditionalBindings).Select(r => r.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", r.Get),
            HttpRule.PatternOneofCase.Post => ("post", r.Post),
            HttpRule.PatternOneofCase.Put => ("put", r.Put),
            HttpRule.PatternOneofCase.Patch => ("patch", r.Patch),
            HttpRule.PatternOneofCase.Delete => ("delete", r.Delete),
            _ => throw new NotSupportedException(r.PatternCase.ToString()),
        });

    /// <summary>A route with its parameters unnamed: the document may spell them in its own case.</summary>
    private static string Shape(string template) => Regex.Replace(template, @"\{[^}]*\}", "{}").TrimEnd('/');
}
