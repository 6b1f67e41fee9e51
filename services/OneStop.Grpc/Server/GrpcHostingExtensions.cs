using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStop.Grpc.Server;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Returned by <c>AddGrpc</c>, for chaining per-service options.</summary>
    public interface IGrpcServerBuilder
    {
        IServiceCollection Services { get; }
    }

    public static class GrpcServicesExtensions
    {
        public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configureOptions = null)
        {
            ArgumentNullException.ThrowIfNull(services);
            services.AddRouting();
            services.AddOptions();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<GrpcServiceRegistry>();
            services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Hosting.IStartupFilter, UnimplementedFallback>());
            if (configureOptions is not null) services.Configure(configureOptions);
            return new GrpcServerBuilder(services);
        }

        /// <summary>Settings for one service that override the global ones.</summary>
        public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder builder, Action<GrpcServiceOptions<TService>> configure)
            where TService : class
        {
            builder.Services.Configure(configure);
            return builder;
        }

        private sealed class GrpcServerBuilder(IServiceCollection services) : IGrpcServerBuilder
        {
            public IServiceCollection Services { get; } = services;
        }
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>All endpoints of one mapped gRPC service, so conventions (auth, CORS, …) apply to every method.</summary>
    public sealed class GrpcServiceEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders) builder.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders) builder.Finally(finallyConvention);
        }
    }

    /// <summary>Endpoint metadata naming the gRPC method an endpoint serves.</summary>
    public sealed class GrpcMethodMetadata(Type serviceType, Grpc.Core.IMethod method)
    {
        public Type ServiceType { get; } = serviceType;
        public Grpc.Core.IMethod Method { get; } = method;
    }

    public static class GrpcEndpointRouteBuilderExtensions
    {
        /// <summary>
        /// Maps every method of a generated-service implementation. Unknown services and methods get UNIMPLEMENTED from
        /// <see cref="UnimplementedFallback"/>, which runs only when no endpoint matched.
        /// </summary>
        public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder builder) where TService : class
        {
            ArgumentNullException.ThrowIfNull(builder);
            var services = builder.ServiceProvider;
            var registry = services.GetService<GrpcServiceRegistry>() ?? throw new InvalidOperationException("Call services.AddGrpc() before MapGrpcService.");

            var settings = ServerSettings.For<TService>(services);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Grpc.AspNetCore.Server");
            var binder = new EndpointServiceBinder<TService>(settings, logger, services.GetRequiredService<TimeProvider>(), services);
            binder.BindGeneratedService();

            var conventions = new List<IEndpointConventionBuilder>();
            foreach (var endpoint in binder.Endpoints)
            {
                conventions.Add(builder.MapPost(endpoint.Method.FullName, endpoint.Handler)
                    .WithMetadata(new GrpcMethodMetadata(typeof(TService), endpoint.Method))
                    .WithDisplayName($"gRPC - {endpoint.Method.FullName}"));
            }

            foreach (var endpoint in binder.Endpoints) registry.Add(endpoint.Method.ServiceName);
            return new GrpcServiceEndpointConventionBuilder(conventions);
        }
    }
}

namespace OneStop.Grpc.Server
{
    /// <summary>The names of the gRPC services mapped in this app, to tell "unknown method" from "unknown service".</summary>
    internal sealed class GrpcServiceRegistry
    {
        private volatile HashSet<string> _names = new(StringComparer.Ordinal);

        public void Add(string serviceName)
        {
            lock (this) _names = new HashSet<string>(_names, StringComparer.Ordinal) { serviceName };
        }

        public bool Contains(string serviceName) => _names.Contains(serviceName);
    }
}
