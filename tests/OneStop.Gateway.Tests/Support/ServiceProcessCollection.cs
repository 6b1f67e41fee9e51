namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// Test classes whose fixtures seed and run the real services as processes. In one collection they run one after the
/// other, so two suites never seed and start at the same time on a small machine (each start is bounded to 60 s).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceProcessCollection
{
    public const string Name = "Service processes";
}
