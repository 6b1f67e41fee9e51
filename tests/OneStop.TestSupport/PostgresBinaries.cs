namespace OneStop.TestSupport;

/// <summary>
/// Debian's PostgreSQL server programs (/usr/lib/postgresql/{version}/bin, not on PATH). PostgreSQL refuses to run
/// as root, so when the tests run as root the programs run as the <c>postgres</c> user through runuser.
/// </summary>
internal sealed class PostgresBinaries
{
    public const string InstallHint = "install postgresql (./onestop test does it)";
    public const string ServiceUser = "postgres";
    private const string Root = "/usr/lib/postgresql";

    private PostgresBinaries(string directory) => Directory = directory;

    /// <summary>The bin directory of the newest installed server version.</summary>
    public string Directory { get; }

    public static bool RunsAsServiceUser => Environment.IsPrivilegedProcess;

    /// <summary>The newest server with initdb and pg_ctl; throws with <see cref="InstallHint"/> when there is none.</summary>
    public static PostgresBinaries Find()
    {
        var directories = System.IO.Directory.Exists(Root) ? System.IO.Directory.GetDirectories(Root) : [];
        var bin = directories
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")) && File.Exists(Path.Combine(d.Bin, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault();
        return bin is null
            ? throw new InvalidOperationException($"PostgreSQL server programs (initdb, pg_ctl) not found under {Root}/*/bin: {InstallHint}.")
            : new PostgresBinaries(bin);
    }

    /// <summary>Runs <paramref name="program"/> from <see cref="Directory"/>, as <see cref="ServiceUser"/> if we are root.</summary>
    public Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var path = Path.Combine(Directory, program);
        return RunsAsServiceUser
            ? BoundedProcess.RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], workingDirectory, timeout)
            : BoundedProcess.RunAsync(path, arguments, workingDirectory, timeout);
    }

    /// <summary>Hands <paramref name="directory"/> to <see cref="ServiceUser"/> when the programs run as that user.</summary>
    public static async Task GiveToServiceUserAsync(string directory, TimeSpan timeout)
    {
        if (!RunsAsServiceUser) return;
        await BoundedProcess.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory], directory, timeout);
    }
}
