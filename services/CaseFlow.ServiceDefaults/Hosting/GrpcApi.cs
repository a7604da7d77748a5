using CaseFlow.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseFlow.ServiceDefaults.Hosting;

internal static class GrpcApi
{
    public static void AddGrpcApi(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddGrpc(grpc =>
            {
                grpc.Interceptors.Add<ErrorMappingInterceptor>();
                grpc.EnableDetailedErrors = builder.Environment.IsDevelopment();
            })
            .AddJsonTranscoding();
        builder.Services.AddGrpcReflection();
    }
}
