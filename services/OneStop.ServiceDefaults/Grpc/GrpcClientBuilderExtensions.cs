using OneStop.ServiceDefaults.Grpc;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>OneStop's settings for clients made with grpc-dotnet's <c>AddGrpcClient</c>.</summary>
public static class GrpcClientBuilderExtensions
{
    /// <summary>Unary calls without a deadline of their own get one <paramref name="timeout"/> from now.</summary>
    public static IHttpClientBuilder AddDefaultDeadline(this IHttpClientBuilder builder, TimeSpan timeout)
    {
        var interceptor = new DefaultDeadlineInterceptor(timeout);
        return builder.AddInterceptor(() => interceptor);
    }
}
