using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.Directory.Client;

/// <summary>
/// "directory-cache": Healthy when Redis is connected (and, in a service that reads, its read model is current);
/// Degraded otherwise. Never Unhealthy: without Redis the service still answers, from memory or the directory.
/// </summary>
public sealed class DirectoryCacheHealthCheck : IHealthCheck
{
    public const string Name = "directory-cache";

    private readonly RedisStore _redis;
    private readonly DirectoryClient? _client;

    public DirectoryCacheHealthCheck(RedisStore redis, DirectoryClient? client = null)
    {
        _redis = redis;
        _client = client;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_redis.IsConnected)
        {
            return Task.FromResult(HealthCheckResult.Degraded("Redis is unreachable; directory reads use the in-process cache and the Directory service"));
        }
        if (_client is not null && !_client.IsReadModelCurrent)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The Redis read model is outdated or empty; directory reads use the Directory service until it is rebuilt"));
        }
        return Task.FromResult(HealthCheckResult.Healthy("Redis is connected"));
    }
}
