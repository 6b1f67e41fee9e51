using System.Text.Json;
using System.Xml.Linq;

namespace OneStop.Deploy.Tests.Support;

/// <summary>
/// Checks a process's Dockerfile against the repository without building it: the COPY sources exist, the projects
/// the process needs (itself and every ProjectReference, transitively) are copied for the restore and for the
/// publish, the entrypoint runs the dll the project publishes, and the runtime stage is a chiselled image run by a
/// non-root user.
/// </summary>
public static class DockerfileLint
{
    public sealed record Instruction(string Keyword, string Arguments);

    /// <summary>Instructions in order, continuation lines joined, comments and blank lines left out.</summary>
    public static IReadOnlyList<Instruction> Parse(string text)
    {
        var instructions = new List<Instruction>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            var trimmed = current.Trim();
            var space = trimmed.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(trimmed.ToUpperInvariant(), "")
                : new Instruction(trimmed[..space].ToUpperInvariant(), trimmed[(space + 1)..].Trim()));
            current = "";
        }
        return instructions;
    }

    /// <summary>The problems found; empty when the Dockerfile fits <paramref name="projectFolder"/> (relative to the root).</summary>
    public static IReadOnlyList<string> Check(string text, string projectFolder, string root)
    {
        var problems = new List<string>();
        var instructions = Parse(text);
        var project = ProjectFile(root, projectFolder);
        var needed = ProjectClosure(root, project).ToList();

        // COPY sources, relative to the build context (the repository root); --from copies from a stage.
        var copied = new List<(int At, string Source)>();
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            if (instruction.Keyword is "ADD") problems.Add($"ADD is not used (COPY says what it does): {instruction.Arguments}");
            if (instruction.Keyword != "COPY") continue;
            var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Any(p => p.StartsWith("--from", StringComparison.Ordinal))) continue;
            var sources = parts.Where(p => !p.StartsWith("--", StringComparison.Ordinal)).SkipLast(1).ToList();
            if (sources.Count == 0) problems.Add($"COPY without a source: {instruction.Arguments}");
            foreach (var source in sources)
            {
                if (source.IndexOfAny(['*', '?', '[']) >= 0) problems.Add($"COPY source {source} is a pattern; name the files");
                else if (!File.Exists(Path.Combine(root, source)) && !Directory.Exists(Path.Combine(root, source)))
                    problems.Add($"COPY source {source} does not exist in the repository");
                copied.Add((i, source.TrimEnd('/')));
            }
        }

        var restoreAt = instructions.ToList().FindIndex(x => x.Keyword == "RUN" && x.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var publishAt = instructions.ToList().FindIndex(x => x.Keyword == "RUN" && x.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        if (restoreAt < 0) problems.Add("no RUN dotnet restore");
        if (publishAt < 0) problems.Add("no RUN dotnet publish");
        else if (!instructions[publishAt].Arguments.Contains(Relative(root, project), StringComparison.Ordinal))
            problems.Add($"dotnet publish does not publish {Relative(root, project)}");

        bool CopiedBefore(int at, string path) => copied.Any(c => c.At < at && (c.Source == path || path.StartsWith(c.Source + "/", StringComparison.Ordinal)));
        foreach (var csproj in needed)
        {
            var file = Relative(root, csproj);
            var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
            if (restoreAt >= 0)
            {
                if (!CopiedBefore(restoreAt, file)) problems.Add($"{file} is not copied before dotnet restore");
                if (!CopiedBefore(restoreAt, folder + "/packages.lock.json")) problems.Add($"{folder}/packages.lock.json is not copied before dotnet restore");
            }
            if (publishAt >= 0 && !CopiedBefore(publishAt, folder + "/Program.cs") && !CopiedBefore(publishAt, folder + "/x.cs"))
                problems.Add($"{folder}/ is not copied before dotnet publish");
        }
        foreach (var shared in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            if (restoreAt >= 0 && !CopiedBefore(restoreAt, shared)) problems.Add($"{shared} is not copied before dotnet restore");
        if (publishAt >= 0 && !CopiedBefore(publishAt, "protos/x.proto")) problems.Add("protos/ is not copied before dotnet publish");

        // The runtime stage: the last FROM.
        var lastFrom = instructions.ToList().FindLastIndex(x => x.Keyword == "FROM");
        if (lastFrom < 0) problems.Add("no FROM");
        else
        {
            var image = instructions[lastFrom].Arguments.Split(' ')[0];
            if (!image.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal) || !image.Contains("chiseled", StringComparison.Ordinal))
                problems.Add($"the runtime image {image} is not a chiselled ASP.NET Core image");
            var user = instructions.Skip(lastFrom).LastOrDefault(x => x.Keyword == "USER")?.Arguments;
            if (user is null) problems.Add("the runtime stage sets no USER");
            else if (user is "root" or "0" || user.StartsWith("0:", StringComparison.Ordinal) || user.StartsWith("root:", StringComparison.Ordinal))
                problems.Add($"the runtime stage runs as {user}");
        }

        var entrypoint = instructions.LastOrDefault(x => x.Keyword == "ENTRYPOINT");
        var dll = AssemblyName(project) + ".dll";
        if (entrypoint is null) problems.Add("no ENTRYPOINT");
        else
        {
            string[]? words = null;
            try { words = JsonSerializer.Deserialize<string[]>(entrypoint.Arguments); }
            catch (JsonException) { }
            if (words is null) problems.Add($"ENTRYPOINT is not in exec form (the chiselled image has no shell): {entrypoint.Arguments}");
            else if (words is not ["dotnet", var name] || name != dll)
                problems.Add($"ENTRYPOINT {entrypoint.Arguments} does not run {dll}, the dll the project publishes");
        }
        return problems;
    }

    public static string ProjectFile(string root, string projectFolder)
    {
        var folder = Path.Combine(root, projectFolder);
        return Directory.GetFiles(folder, "*.csproj").Single();
    }

    /// <summary>&lt;AssemblyName&gt; when the project sets one, else the project file's name.</summary>
    public static string AssemblyName(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0)
        ?? Path.GetFileNameWithoutExtension(csproj);

    /// <summary>The project and every project it references, transitively.</summary>
    public static IEnumerable<string> ProjectClosure(string root, string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current)) continue;
            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }
        return seen.Order(StringComparer.Ordinal);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
