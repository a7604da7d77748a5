using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>
/// The reference integrators read (BI teams, partner agencies): an OpenAPI document of the service's JSON routes,
/// generated from the protos' <c>google.api.http</c> options and their comments, at <c>/openapi/v1.json</c>, and a
/// browsable page over it at <c>/docs</c> (Swagger UI, served from the package: no CDN). Both are open to anyone who
/// can reach the port: they describe the API, every call in them still needs a token.
/// </summary>
public static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/docs";

    public static void AddApiReference(this WebApplicationBuilder builder, ServiceIdentity service)
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = $"CaseFlow {service.Name}",
                Version = "v1",
                Description = $"The JSON routes of CaseFlow's {service.Name} service (the same calls are served as gRPC). " +
                    "Every call needs a bearer token (`./caseflow token --role ...` locally); errors name the field at fault.",
            });
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT" });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "CaseFlow.Protos.xml");
            if (File.Exists(comments)) swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
        });
    }

    public static void MapApiReference(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = PagePath.TrimStart('/');
            options.SwaggerEndpoint(DocumentPath, "v1");
            options.DocumentTitle = "CaseFlow API reference";
        });
    }
}
