using Grpc.Core;
using Microsoft.Extensions.Logging;
using OneStop.Gateway.Web.Calls;
using OneStop.Gateway.Web.Text;

namespace OneStop.Gateway.Browser.Tests;

/// <summary>A page's failed service call in the log: level by whose fault it is, no stack, client values cut and escaped.</summary>
public sealed class ErrorLoggingTests
{
    [Fact]
    public void A_refused_request_is_information_without_stack_and_its_echoed_value_is_cut_and_escaped()
    {
        var log = new CapturingLogger();
        var detail = "service '" + new string('x', 5000) + "\nFAKE LOG LINE' is not valid";

        FriendlyErrors.Describe(new RpcException(new Status(StatusCode.InvalidArgument, detail)), new UiText(), log);

        var (level, message, exception) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Null(exception);
        Assert.True(message.Length < 300, message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("chars)", message);
    }

    [Fact]
    public void A_failing_service_is_a_warning()
    {
        var log = new CapturingLogger();
        FriendlyErrors.Describe(new RpcException(new Status(StatusCode.Unavailable, "connection refused")), new UiText(), log);
        Assert.Equal(LogLevel.Warning, Assert.Single(log.Entries).Level);
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
