using System.Text.RegularExpressions;

namespace OneStop.Interop.Tests.Interop;

/// <summary>The independent grpc-js interop server (<c>node tests/interop/server.js --port 0</c>) for one test class.</summary>
public sealed partial class GrpcJsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private NodeProcess? _node;

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _node = NodeProcess.Start("server.js", "--port", "0");
        _node.LineReceived += line =>
        {
            if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        _node.Process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("grpc-js server exited before listening:\n" + _node.Output));
        try
        {
            Port = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"grpc-js server printed no 'listening on' line within {StartTimeout.TotalSeconds:0} s:\n{_node.Output}");
        }
    }

    public Task DisposeAsync()
    {
        _node?.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex ListeningLine();
}
