using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>What the shared log settings let through.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Hosting_opens_no_log_scope_per_request_while_warnings_and_the_services_own_lines_still_log()
    {
        await using var host = await DefaultsHost.StartAsync();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        // Hosting creates its per-request scope only when this category is enabled at some level.
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("OneStop.Directory.Grpc").IsEnabled(LogLevel.Information));
    }
}
