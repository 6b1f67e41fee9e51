using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using OneStop.TestSupport;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// A built service or test server run as its own process (`dotnet X.dll`), as `./onestop up` runs them, so a test
/// can also kill it the hard way (SIGKILL) in the middle of a call, as a crashed backend would go.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServiceProcess(Process process, int port, StringBuilder output)
    {
        _process = process;
        _output = output;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The interop server on a free port, ready once it answers a call.</summary>
    public static Task<ServiceProcess> StartInteropServerAsync()
    {
        var port = FreePort.Pick();
        // The referenced project's build output sits next to the test assembly.
        return StartAsync(Path.Combine(AppContext.BaseDirectory, "OneStop.Grpc.InteropServer.dll"),
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new Dictionary<string, string>(), port, waitForHealth: false);
    }

    /// <summary>
    /// A OneStop service's build output (bin/&lt;configuration&gt;/net10.0 of <paramref name="projectDirectory"/>, relative to
    /// the repository), Development, on a free port with <paramref name="environment"/>; ready when its grpc.health.v1 says SERVING.
    /// </summary>
    /// <param name="port">A given port, e.g. to restart a killed instance where the gateway expects it; else a free one.</param>
    /// <param name="readyWithin">How long it may take to say SERVING (60 s; longer where a test loads the machine meanwhile).</param>
    public static Task<ServiceProcess> StartServiceAsync(string projectDirectory, IReadOnlyDictionary<string, string> environment, int? port = null,
        TimeSpan? readyWithin = null)
    {
        port ??= FreePort.Pick();
        var env = new Dictionary<string, string>(environment) { ["OneStop__Port"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return StartAsync(ServiceDll(projectDirectory), [], env, port.Value, waitForHealth: true, readyWithin);
    }

    /// <summary>Runs `dotnet X.dll seed` to completion (bounded to two minutes) and fails the test if it fails.</summary>
    public static async Task SeedAsync(string projectDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>(environment) { ["OneStop__Port"] = "0" };
        using var seed = Start(ServiceDll(projectDirectory), ["seed"], env, out var output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await seed.WaitForExitAsync(timeout.Token);
        Assert.True(seed.ExitCode == 0, $"seed of {projectDirectory} failed ({seed.ExitCode}):\n{output}");
    }

    private static string ServiceDll(string projectDirectory)
    {
        // The tests run from tests/X/bin/<configuration>/net10.0: the services were built in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var name = Path.GetFileName(projectDirectory);
        var dll = Path.Combine(OneStop.Interop.Tests.Interop.RepoPaths.RepoRoot, projectDirectory, "bin", configuration, "net10.0", name + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first");
        return dll;
    }

    private static async Task<ServiceProcess> StartAsync(string dll, string[] args, IReadOnlyDictionary<string, string> environment, int port, bool waitForHealth,
        TimeSpan? readyWithin = null)
    {
        var process = Start(dll, args, environment, out var output);
        // The builder the output handlers keep writing to, so a failure message shows everything up to that point.
        var service = new ServiceProcess(process, port, output);
        try
        {
            await service.WaitUntilReadyAsync(waitForHealth, readyWithin ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            service.Dispose();
            throw;
        }
        return service;
    }

    private static Process Start(string dll, string[] args, IReadOnlyDictionary<string, string> environment, out StringBuilder output)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var arg in args) startInfo.ArgumentList.Add(arg);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment) startInfo.Environment[key] = value;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var collected = new StringBuilder();
        output = collected;
        process.OutputDataReceived += (_, e) => { lock (collected) collected.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (collected) collected.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Bounded: up to <paramref name="within"/>, one attempt every 100 ms.</summary>
    private async Task WaitUntilReadyAsync(bool health, TimeSpan within)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var giveUp = DateTime.UtcNow + within;
        while (true)
        {
            Assert.False(_process.HasExited, $"the process exited early:\n{Output}");
            try
            {
                if (health)
                {
                    var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                    if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
                }
                else
                {
                    await new global::Grpc.Testing.TestService.TestServiceClient(channel).EmptyCallAsync(new global::Grpc.Testing.Empty(), deadline: DateTime.UtcNow.AddSeconds(2));
                    return;
                }
            }
            catch (RpcException)
            {
            }
            Assert.True(DateTime.UtcNow < giveUp, $"not ready within {within.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
