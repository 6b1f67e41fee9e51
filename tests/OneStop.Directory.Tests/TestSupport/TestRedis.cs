namespace OneStop.Directory.Tests.TestSupport;

/// <summary>Redis for the tests: an address where nothing listens, so the read-model writer must cope.</summary>
public static class TestRedis
{
    /// <summary>Port 1 on loopback: refused at once, no timeout to wait for.</summary>
    public const string Unreachable = "127.0.0.1:1,connectTimeout=200,abortConnect=false";

    /// <summary>The Redis settings of OneStop.Directory.Client (DirectoryClientOptions), pointed at <see cref="Unreachable"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Configuration = new Dictionary<string, string?>
    {
        ["OneStop:Redis"] = Unreachable,
        ["OneStop:Directory:Redis"] = Unreachable,
    };
}
