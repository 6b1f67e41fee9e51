using Grpc.Core;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>Lets a gRPC handler ask for its caller without touching claims: <c>context.GetCaller()</c>.</summary>
public static class ServerCallContextIdentityExtensions
{
    /// <summary>The authenticated caller, or null for an anonymous call (reads may be anonymous).</summary>
    public static CallerIdentity? GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CallerIdentity.From(context.GetHttpContext().User);
    }
}
