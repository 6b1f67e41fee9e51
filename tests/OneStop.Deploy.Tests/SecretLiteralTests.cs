using OneStop.Deploy.Tests.Support;

namespace OneStop.Deploy.Tests;

/// <summary>No secret value is in deploy/: no Secret object or secretGenerator, no password-like literal in any file.</summary>
public sealed class SecretLiteralTests
{
    [Fact]
    public void No_file_in_deploy_holds_a_Secret_object_a_secret_generator_or_a_secret_literal()
    {
        var files = Directory.GetFiles(Repository.Path("deploy"), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var problems = files.SelectMany(f => Problems(Path.GetRelativePath(Repository.Root, f), File.ReadAllText(f))).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_finds_a_Secret_with_data_a_generator_a_password_and_a_private_key()
    {
        Assert.NotEmpty(Problems("x.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter22\n"));
        Assert.NotEmpty(Problems("kustomization.yaml", "secretGenerator:\n  - name: db\n    literals:\n      - user=a\n"));
        Assert.NotEmpty(Problems("config.json", "{ \"ConnectionStrings\": { \"db\": \"Host=pg;Password=s3cr3t-value\" } }"));
        Assert.NotEmpty(Problems("key.pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"));
        // References and placeholders are not values.
        Assert.Empty(Problems("job.yaml", "env:\n  - name: POSTGRES_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: onestop-postgres\n        key: password\n"));
        Assert.Empty(Problems("README.md", "kubectl create secret generic onestop-postgres --from-literal=password=\"$PGPASSWORD\""));
    }

    private static IEnumerable<string> Problems(string path, string text)
    {
        foreach (var literal in SecretScan.Literals(text)) yield return $"{path}: secret-looking literal '{literal}'";
        if (!path.EndsWith(".yaml", StringComparison.Ordinal) && !path.EndsWith(".yml", StringComparison.Ordinal)) yield break;
        foreach (var document in Yaml.ReadObjects(text))
        {
            if ((string?)document["kind"] == "Secret" && (document["data"] is not null || document["stringData"] is not null))
                yield return $"{path}: a Secret with data";
            if (document["secretGenerator"] is not null) yield return $"{path}: a secretGenerator";
        }
    }
}
