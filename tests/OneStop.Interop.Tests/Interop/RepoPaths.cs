namespace OneStop.Interop.Tests.Interop;

/// <summary>Locates the repository from the test binaries, so the grpc-js peer is found wherever the tests run.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>tests/interop: the grpc-js peer's scripts and node_modules.</summary>
    public static string InteropPeerDirectory => Path.Combine(RepoRoot, "tests", "interop");

    /// <summary>Fails with the fix in the message when the peer's packages were never installed.</summary>
    public static void EnsureInteropPeerInstalled()
    {
        var modules = Path.Combine(InteropPeerDirectory, "node_modules", "@grpc", "grpc-js");
        if (!System.IO.Directory.Exists(modules))
        {
            throw new InvalidOperationException(
                $"The grpc-js interop peer is not installed ({modules} is missing). Run `npm ci` in {InteropPeerDirectory} first " +
                "(`./onestop test` does this before running the tests).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains OneStop.sln.");
    }
}
