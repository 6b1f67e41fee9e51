using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway.Forwarding.Edge;

/// <summary>Settings of <see cref="ClientRateLimits"/>, from <c>OneStop:Gateway:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "OneStop:Gateway:RateLimits";

    /// <summary>Calls each client may make per second on average.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>How many calls a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>How often <see cref="PermitsPerSecond"/> worth of calls is added back (scaled to the period).</summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Anonymous appointment bookings on the public pages per IP address and hour: the gateway books them under its
    /// own identity, so this limit is what stops one visitor from blocking a calendar.
    /// </summary>
    public int PublicBookingsPerHour { get; set; } = 10;

    /// <summary>Web page requests per IP address and minute (each page may call several services).</summary>
    public int WebPagesPerMinute { get; set; } = 600;

    /// <summary>
    /// gRPC calls without a token (the directory's public reads) per IP address and minute: the public pages' limit,
    /// since an anonymous gRPC caller reads what a visitor of the pages reads.
    /// </summary>
    public int AnonymousCallsPerMinute { get; set; } = 600;
}

/// <summary>
/// Per-client limits with ASP.NET Core's rate limiter. A client with a token is its <c>sub</c> (with its <c>org</c>)
/// and gets a token bucket; a caller without one (only anonymous routes let it through) is its IP address and gets
/// the public pages' fixed window, so anonymous callers cannot use the budget meant for agency systems. Refused gRPC
/// calls get RESOURCE_EXHAUSTED.
/// </summary>
public sealed class ClientRateLimits
{
    public const string PerClient = "per-client";
    public const string PublicBooking = "public-booking";
    public const string Disable = "disable";

    public IReadOnlySet<string> PolicyNames { get; } = new HashSet<string>([PerClient, PublicBooking], StringComparer.Ordinal);

    public static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.AddPolicy(PerClient, context => SubjectKey(context) is { } subject
            ? RateLimitPartition.GetTokenBucketLimiter(subject, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = Math.Max(1, (int)(limits.PermitsPerSecond * limits.ReplenishmentPeriod.TotalSeconds)),
                ReplenishmentPeriod = limits.ReplenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.AnonymousCallsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        // Only the booking itself (POST) counts; looking at free slots does not.
        options.AddPolicy(PublicBooking, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.PublicBookingsPerHour),
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read"));
        // Every page, per address: anonymous pages call the directory and appointments for the visitor.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !RequestKinds.IsPage(context)
                ? RateLimitPartition.GetNoLimiter("not-a-page")
                : RateLimitPartition.GetFixedWindowLimiter(AddressKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.WebPagesPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (GrpcStatusResponses.IsGrpcRequest(context.Request))
            {
                await GrpcStatusResponses.WriteTrailersOnlyAsync(context, StatusCode.ResourceExhausted, "Rate limit exceeded for this client; retry later.");
                return;
            }
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.Response.WriteAsync("Too many requests.", cancellationToken);
        };
    }

    /// <summary>The token's caller as a limiter key; null for a call without a (valid) token.</summary>
    private static string? SubjectKey(HttpContext context)
    {
        var user = context.User;
        return user.Identity?.IsAuthenticated == true && user.FindFirst(OneStopClaimTypes.Subject)?.Value is { Length: > 0 } subject
            ? $"sub:{user.FindFirst(OneStopClaimTypes.Organization)?.Value}/{subject}"
            : null;
    }

    /// <summary>
    /// The caller's address as a limiter key; IPv6 by its /64, since one subscriber usually holds a whole /64 and
    /// could otherwise use a fresh address per request.
    /// </summary>
    private static string AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "ip:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return $"ip:{address}";
        var bytes = address.GetAddressBytes();
        return $"ip6:{Convert.ToHexString(bytes, 0, 8)}/64";
    }
}
