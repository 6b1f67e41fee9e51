namespace OneStop.Deploy.Tests.Support;

/// <summary>Paths in the repository, found from the test binaries.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The overlays under deploy/k8s/overlays, by folder name.</summary>
    public static IReadOnlyList<string> Overlays() =>
        Directory.GetDirectories(Path("deploy", "k8s", "overlays")).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>
    /// Every process of the suite: a project folder with a Program.cs under services/ or gateway/, as
    /// (folder relative to the root, short name: "directory", "appointments", "gateway").
    /// </summary>
    public static IReadOnlyList<(string Folder, string Name)> Processes() =>
        new[] { "services", "gateway" }
            .SelectMany(top => Directory.GetDirectories(Path(top)))
            .Where(dir => File.Exists(System.IO.Path.Combine(dir, "Program.cs")))
            .Select(dir => (System.IO.Path.GetRelativePath(Root, dir).Replace('\\', '/'), ShortName(System.IO.Path.GetFileName(dir))))
            .OrderBy(p => p.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>OneStop.EmployerRequests → employer-requests: the name of its manifests folder, image and Dockerfile.</summary>
    public static string ShortName(string projectFolder)
    {
        var name = projectFolder.StartsWith("OneStop.", StringComparison.Ordinal) ? projectFolder["OneStop.".Length..] : projectFolder;
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OneStop.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains OneStop.sln.");
    }
}
