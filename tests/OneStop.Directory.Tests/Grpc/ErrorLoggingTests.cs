using Grpc.Core;
using Microsoft.Extensions.Logging;
using OneStop.Directory.Tests.TestSupport;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Logging;
using OneStop.TestSupport;

namespace OneStop.Directory.Tests.Grpc;

/// <summary>
/// What a client's bad id leaves in the directory's log: a clear status for the client, one short line at Information
/// without a stack trace, the client's value neither in full nor with its control characters.
/// </summary>
public sealed class ErrorLoggingTests
{
    private const int SafeLineLength = 600;
    private static readonly string HostileId = new string('a', 5000) + "\n2026-12-07 forged: admin signed in\u001b[31m";

    // The levels a deployment logs at; grpc-dotnet logs a handler's RpcException at Information.
    private static readonly Dictionary<string, string?> DeploymentLevels = new()
    {
        ["Logging:LogLevel:Grpc"] = "Information",
        ["Logging:LogLevel:OneStop"] = "Information",
    };

    [Theory]
    [InlineData(5000, StatusCode.InvalidArgument)]
    [InlineData(0, StatusCode.NotFound)]
    public async Task A_service_id_a_client_sends_is_a_clear_status_and_one_short_safe_information_line(int hostileLength, StatusCode expected)
    {
        var logs = new CapturedLogs();
        await using var host = await DirectoryTestHost.StartAsync(settings: DeploymentLevels, logs: logs);
        var id = hostileLength > 0 ? HostileId : "svc-does-not-exist";

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client().GetServiceAsync(new GetServiceRequest { Id = id }).ResponseAsync);

        Assert.Equal(expected, error.StatusCode);
        if (expected == StatusCode.InvalidArgument) Assert.StartsWith("id:", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', LogValue.MaxLength + 1), error.Status.Detail, StringComparison.Ordinal);
        var lines = logs.Lines.ToList();
        // The refusal is logged once, as what it is: a client's error, at Information and without a stack trace.
        var refusal = Assert.Single(lines, l => l.Message.Contains($"'{expected}'", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Null(refusal.Exception);
        foreach (var (category, level, message, exception) in lines)
        {
            // Nothing the client sent shows in full or forges a line, wherever it is logged.
            var text = message + exception;
            Assert.DoesNotContain(new string('a', LogValue.MaxLength + 1), text, StringComparison.Ordinal);
            Assert.DoesNotContain("forged", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', text);
            Assert.True(message.Length <= SafeLineLength, $"{level} line of {message.Length} characters: {message[..Math.Min(200, message.Length)]}");
            // grpc-dotnet logs an unmapped exception as an Error with its stack; other categories (a health check
            // that meets a busy database) are not about this call.
            if (category.StartsWith("Grpc.", StringComparison.Ordinal)) Assert.True(level < LogLevel.Error, $"{level}: {message}");
        }
    }
}
