using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>A gRPC health service name and the health-check registrations that decide its status.</summary>
public sealed class ServiceMapping
{
    public ServiceMapping(string name, Func<HealthCheckRegistration, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(predicate);
        Name = name;
        Predicate = predicate;
    }

    /// <summary>The name clients put in <c>HealthCheckRequest.service</c>; "" is the server as a whole.</summary>
    public string Name { get; }

    /// <summary>Which registered checks count for this name.</summary>
    public Func<HealthCheckRegistration, bool> Predicate { get; }
}
