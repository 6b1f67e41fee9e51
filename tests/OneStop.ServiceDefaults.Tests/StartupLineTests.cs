using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>The start-up line names every bound address with the protocol it speaks.</summary>
public sealed class StartupLineTests
{
    [Fact]
    public async Task A_grpc_port_and_a_web_port_are_each_named_with_their_own_protocol()
    {
        var lines = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OneStop:Port"] = "0" });
        builder.AddServiceDefaults("gateway", 0);
        // A second listener as the gateway adds for its web front.
        builder.WebHost.ConfigureKestrel(kestrel =>
            ListenAddress.Listen(kestrel, builder.Configuration, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Logging.AddProvider(new LineCollector(lines));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();

        await app.StartAsync();
        await app.StopAsync();

        var line = Assert.Single(lines, l => l.StartsWith("gateway listening on", StringComparison.Ordinal));
        Assert.Matches(@"^gateway listening on http://127\.0\.0\.1:\d+ \(gRPC, h2c\), http://127\.0\.0\.1:\d+ \(web, HTTP/1\.1\)$", line);
    }

    private sealed class LineCollector(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(lines);
        public void Dispose() { }

        private sealed class Collector(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
