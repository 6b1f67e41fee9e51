using System.Text.RegularExpressions;

namespace OneStop.Deploy.Tests.Support;

/// <summary>What counts as a secret in deploy/: names that hold one, and values that look like one.</summary>
public static partial class SecretScan
{
    /// <summary>A configuration or environment name whose value is a secret (or holds one, as a connection string does).</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>Secret-looking literals in <paramref name="text"/>; a value that starts with $ is a shell placeholder.</summary>
    public static IReadOnlyList<string> Literals(string text) =>
        SecretLiteral().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"password|passwd|secret|private_?key|signing_?key|api_?key|token|connectionstrings|^onestop__redis$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // password=…, pwd=…, "password": "…", secret: … with a real value (not $VAR, not a reference), or key material.
    [GeneratedRegex(@"(?:\b(?:password|passwd|pwd|secret|token|apikey|api_key)\b\s*(?:=|:)\s*[""']?(?![""'$\s{(<]|\$)[^\s""';]{4,})|-----BEGIN [A-Z ]*PRIVATE KEY-----",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretLiteral();
}
