using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.Grpc.Tests.HealthChecks;

/// <summary>A health check whose result a test sets, to flip a service's status while a call watches it.</summary>
public sealed class MutableHealthCheck(HealthStatus status = HealthStatus.Healthy) : IHealthCheck
{
    private volatile int _status = (int)status;
    private int _runs;

    /// <summary>How often the check has been run, to see whether anything is still polling it.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public HealthStatus Status
    {
        get => (HealthStatus)_status;
        set => _status = (int)value;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(new HealthCheckResult(Status, $"set by the test to {Status}"));
    }
}
