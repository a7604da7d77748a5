using Google.Protobuf.Reflection;
using Google.Rpc;
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
                grpc.Interceptors.Add<CallGate>();
                grpc.EnableDetailedErrors = builder.Environment.IsDevelopment();
            })
            // Error details (which field is wrong) are rendered into JSON error bodies too.
            .AddJsonTranscoding(json => json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.Services.AddGrpcReflection();
    }
}
