using OneStop.Deploy.Tests.Support;

namespace OneStop.Deploy.Tests;

/// <summary>
/// One Dockerfile per process (deploy/docker/NAME.Dockerfile), linted against the repository: no container engine
/// is needed, so a moved project, a new ProjectReference or a renamed assembly fails here before CI builds images.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string> Processes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (folder, name) in Repository.Processes()) data.Add(folder, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_process_has_a_Dockerfile_that_fits_the_repository(string folder, string name)
    {
        var dockerfile = Repository.Path("deploy", "docker", name + ".Dockerfile");
        Assert.True(File.Exists(dockerfile), $"{folder} has no {Path.GetRelativePath(Repository.Root, dockerfile)}");
        var problems = DockerfileLint.Check(File.ReadAllText(dockerfile), folder, Repository.Root);
        Assert.True(problems.Count == 0, $"{name}.Dockerfile:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Each_process_has_manifests_whose_image_is_its_own(string folder, string name)
    {
        var deployment = Path.Combine(Repository.Path("deploy", "k8s", "base", name), "deployment.yaml");
        Assert.True(File.Exists(deployment), $"{folder} has no manifests folder deploy/k8s/base/{name}");
        var template = Yaml.ReadObjects(File.ReadAllText(deployment)).Single()["spec"]!["template"]!;
        Assert.Equal("onestop/" + name, (string?)template["spec"]!["containers"]![0]!["image"]);
    }

    [Fact]
    public void Every_Dockerfile_belongs_to_a_process()
    {
        var processes = Repository.Processes().Select(p => p.Name + ".Dockerfile").ToHashSet();
        foreach (var file in Directory.GetFiles(Repository.Path("deploy", "docker"), "*.Dockerfile"))
            Assert.Contains(Path.GetFileName(file), processes);
    }

    [Fact]
    public void The_lint_finds_a_missing_source_a_missing_reference_a_wrong_entrypoint_and_a_root_user()
    {
        var good = File.ReadAllText(Repository.Path("deploy", "docker", "appointments.Dockerfile"));
        Assert.Empty(DockerfileLint.Check(good, "services/OneStop.Appointments", Repository.Root));

        var bad = good
            .Replace("COPY protos/ protos/", "COPY protos/ protos/\nCOPY services/OneStop.Nowhere/ services/OneStop.Nowhere/", StringComparison.Ordinal)
            .Replace("COPY services/OneStop.Directory.Client/OneStop.Directory.Client.csproj services/OneStop.Directory.Client/packages.lock.json services/OneStop.Directory.Client/\n", "", StringComparison.Ordinal)
            .Replace("[\"dotnet\", \"OneStop.Appointments.dll\"]", "[\"dotnet\", \"Appointments.dll\"]", StringComparison.Ordinal)
            .Replace("USER $APP_UID", "USER root", StringComparison.Ordinal);
        var problems = string.Join("\n", DockerfileLint.Check(bad, "services/OneStop.Appointments", Repository.Root));
        Assert.Contains("services/OneStop.Nowhere/ does not exist", problems);
        Assert.Contains("services/OneStop.Directory.Client/OneStop.Directory.Client.csproj is not copied before dotnet restore", problems);
        Assert.Contains("does not run OneStop.Appointments.dll", problems);
        Assert.Contains("runs as root", problems);
    }
}
