using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.ServiceDefaults.Data;

/// <summary>
/// Unhealthy when the service cannot reach its own database. A few lines instead of the
/// HealthChecks.EntityFrameworkCore package, which the NuGet source does not need to provide.
/// </summary>
internal sealed class DbContextHealthCheck<TContext>(TContext context) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        try
        {
            return await context.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(healthContext.Registration.FailureStatus, "Cannot connect to the database.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(healthContext.Registration.FailureStatus, "Database check failed.", e);
        }
    }
}
