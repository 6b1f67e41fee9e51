using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OneStop.Directory.Client.Tests.TestSupport;

/// <summary>Collects log lines, so a failing assertion can show what the component reported.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
    }

    public override string ToString() => string.Join(Environment.NewLine, Lines);
}
