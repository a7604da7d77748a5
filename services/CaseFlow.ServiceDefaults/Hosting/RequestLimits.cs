using System.Globalization;
using System.Threading.RateLimiting;
using CaseFlow.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.ServiceDefaults.Hosting;

/// <summary>
/// What one caller can ask of an instance: a request body of at most <c>Limits:MaxRequestBytes</c> (413 over JSON,
/// RESOURCE_EXHAUSTED over gRPC), and per user a token bucket of <c>Limits:PermitsPerSecond</c> refilling up to
/// <c>Limits:Burst</c> (429 with Retry-After). A service identity, such as the dashboard's, gets its own figures under
/// <c>Limits:Users:&lt;user&gt;</c>. Calls without a token share one bucket per address; health and metrics are free.
/// </summary>
internal static class RequestLimits
{
    public const int DefaultMaxRequestBytes = 1024 * 1024;

    public static void AddRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits");
        var maxBytes = limits.GetValue("MaxRequestBytes", DefaultMaxRequestBytes);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = maxBytes);
        builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.MaxReceiveMessageSize = maxBytes);

        builder.Services.AddRateLimiter(rate =>
        {
            rate.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsFree(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("free")
                : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), key => Bucket(limits, key)));
            rate.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    private static bool IsFree(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/grpc.health.v1.Health");

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(ClaimNames.User)?.Value is { Length: > 0 } user
            ? "user:" + user
            : "address:" + context.Connection.RemoteIpAddress;

    private static TokenBucketRateLimiterOptions Bucket(IConfiguration limits, string partition)
    {
        var own = partition.StartsWith("user:", StringComparison.Ordinal) ? limits.GetSection($"Users:{partition[5..]}") : null;
        var perSecond = own?.GetValue<int?>("PermitsPerSecond") ?? limits.GetValue("PermitsPerSecond", 50);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = own?.GetValue<int?>("Burst") ?? limits.GetValue("Burst", 200),
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
