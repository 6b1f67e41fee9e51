using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Directory.Client;
using OneStop.Directory.V1;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the directory read path (every service) and the read-model writer (the Directory service).</summary>
public static class DirectoryClientServiceCollectionExtensions
{
    /// <summary>Configuration section of <see cref="DirectoryClientOptions"/>.</summary>
    public const string ConfigurationSection = "OneStop:Directory";

    /// <summary>Configuration key of the Redis connection string, shared by every service.</summary>
    public const string RedisConfigurationKey = "OneStop:Redis";

    /// <summary>
    /// Adds <see cref="DirectoryClient"/> (singleton), the Directory service's gRPC client (client factory, also
    /// injectable by itself for calls the read path does not cache), the <see cref="RedisStore"/> it reads (singleton,
    /// unless one is registered already; its connection is also the container's <see cref="IConnectionMultiplexer"/>)
    /// and the "directory-cache" health check. Options come from "OneStop:Directory" and
    /// "OneStop:Redis", then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddDirectoryClient(this IServiceCollection services, Action<DirectoryClientOptions>? configure = null)
    {
        AddShared(services, configure);
        services.AddGrpcClient<DirectoryService.DirectoryServiceClient>((sp, client) =>
            client.Address = new Uri(sp.GetRequiredService<IOptions<DirectoryClientOptions>>().Value.DirectoryAddress));
        services.TryAddSingleton(sp => new DirectoryClient(
            sp.GetRequiredService<RedisStore>(),
            sp.GetRequiredService<DirectoryService.DirectoryServiceClient>(),
            sp.GetRequiredService<IOptions<DirectoryClientOptions>>().Value,
            sp.GetService<ILogger<DirectoryClient>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DirectoryClientStartup>());
        return services;
    }

    /// <summary>Adds <see cref="DirectoryReadModelWriter"/> (singleton) for the Directory service, with the same store and health check.</summary>
    public static IServiceCollection AddDirectoryReadModelWriter(this IServiceCollection services, Action<DirectoryClientOptions>? configure = null)
    {
        AddShared(services, configure);
        services.TryAddSingleton(sp => new DirectoryReadModelWriter(
            sp.GetRequiredService<RedisStore>(),
            sp.GetService<ILogger<DirectoryReadModelWriter>>()));
        return services;
    }

    private static void AddShared(IServiceCollection services, Action<DirectoryClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Binding is registered once even when both methods are called; each configure delegate still applies.
        if (!services.Any(d => d.ServiceType == typeof(DirectoryCacheHealthCheck)))
        {
            services.AddOptions<DirectoryClientOptions>().Configure<IServiceProvider>(static (options, sp) =>
            {
                // Optional: a bare ServiceCollection (tests, tools) has no configuration.
                if (sp.GetService<IConfiguration>() is not { } configuration) return;
                configuration.GetSection(ConfigurationSection).Bind(options);
                if (configuration[RedisConfigurationKey] is { Length: > 0 } redis) options.Redis = redis;
            });
            services.TryAddSingleton<RedisStore>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<DirectoryClientOptions>>().Value;
                var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<RedisStore>();
                return RedisStore.Connect(options.Redis, options.RedisOperationTimeout, options.RedisWriteTimeout, logger);
            });
            // The same connection for whatever asks the container for one: OpenTelemetry's Redis instrumentation
            // (AddRedisInstrumentation) finds it there. Disposing it twice (store and container) is harmless.
            services.TryAddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<RedisStore>().Multiplexer);
            services.AddSingleton<DirectoryCacheHealthCheck>();
            services.AddHealthChecks().AddCheck<DirectoryCacheHealthCheck>(DirectoryCacheHealthCheck.Name, failureStatus: HealthStatus.Degraded);
        }
        if (configure is not null) services.Configure(configure);
    }
}
