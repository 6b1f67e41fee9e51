using OneStop.ServiceDefaults.Identity;

namespace OneStop.Gateway;

/// <summary>
/// <c>./onestop token --role frontdesk --org org-jc-lippe</c>: prints a token signed with the public development
/// key, which only Development services (or <c>OneStop:Auth:UseDevelopmentKey=true</c>) accept. For local use.
/// <c>--org</c> defaults to <see cref="DefaultOrganization"/> for role tokens only; a scope-only token has an empty
/// <c>org</c> unless one is given.
/// </summary>
public static class DevelopmentTokenCommand
{
    public const string Usage =
        "usage: token --role ROLE [--role ROLE…] [--org ORG_ID] [--region AGS] [--sub SUBJECT] [--scope \"a b\"] [--hours H]\n" +
        "  roles: agency-system, frontdesk, counsellor, employer, region-admin";

    public const string DefaultRegion = "05766";
    public const string DefaultOrganization = "org-ip-lippe";

    /// <summary>Writes the token (or the usage) and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var roles = new List<string>();
        string region = DefaultRegion;
        string? organization = null, subject = null, scope = null;
        var hours = 8.0;
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count) return Fail(error, $"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--role": roles.Add(value); break;
                case "--org": organization = value; break;
                case "--region": region = value; break;
                case "--sub": subject = value; break;
                case "--scope": scope = value; break;
                case "--hours" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0: hours = h; break;
                default: return Fail(error, $"unknown or invalid option {name} {value}");
            }
        }
        if (roles.Count == 0 && scope is null) return Fail(error, "give at least one --role (or a --scope)");
        var unknown = roles.Where(r => !Forwarding.Edge.EdgePolicies.Roles.Contains(r)).ToArray();
        if (unknown.Length > 0) return Fail(error, $"unknown role {string.Join(", ", unknown)}");

        // A role token speaks for an agency, the demo Integration Point unless --org says which. A scope-only token
        // (a partner system) belongs to no organization unless --org names one: a default would let it write that
        // organization's directory entries.
        organization ??= roles.Count > 0 ? DefaultOrganization : "";
        var token = DevelopmentTokens.Create(subject ?? $"dev-{(roles.Count > 0 ? roles[0] : "scope")}", organization, region, roles,
            TimeSpan.FromHours(hours), extraClaims: scope is null ? null : new Dictionary<string, object> { [OneStopClaimTypes.Scope] = scope });
        output.WriteLine(token);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
