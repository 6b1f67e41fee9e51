using System.IO.Compression;
using Grpc.AspNetCore.Server;
using Grpc.Net.Compression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Server;

/// <summary>The effective settings for one service, resolved once when it is mapped.</summary>
internal sealed class ServerSettings
{
    public required int MaxReceiveMessageSize { get; init; }
    public required int MaxSendMessageSize { get; init; }
    public required bool EnableDetailedErrors { get; init; }
    public required string? ResponseCompressionAlgorithm { get; init; }
    public required CompressionLevel? ResponseCompressionLevel { get; init; }
    public required IReadOnlyList<ICompressionProvider> CompressionProviders { get; init; }
    public required IReadOnlyList<InterceptorRegistration> Interceptors { get; init; }

    /// <summary>Our <c>grpc-accept-encoding</c> value, computed once.</summary>
    public required string AcceptEncoding { get; init; }

    /// <summary>Global options first, then whatever <c>AddServiceOptions&lt;TService&gt;</c> configured on top.</summary>
    public static ServerSettings For<TService>(IServiceProvider services) where TService : class
    {
        var global = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var effective = new GrpcServiceOptions<TService>
        {
            MaxReceiveMessageSize = global.MaxReceiveMessageSize,
            MaxSendMessageSize = global.MaxSendMessageSize,
            EnableDetailedErrors = global.EnableDetailedErrors,
            ResponseCompressionAlgorithm = global.ResponseCompressionAlgorithm,
            ResponseCompressionLevel = global.ResponseCompressionLevel,
            CompressionProviders = global.CompressionProviders.ToList(),
        };
        effective.Interceptors.AddRange(global.Interceptors);
        foreach (var configure in services.GetServices<IConfigureOptions<GrpcServiceOptions<TService>>>()) configure.Configure(effective);

        var providers = effective.CompressionProviders.ToArray();
        if (effective.ResponseCompressionAlgorithm is { } algorithm && MessageCompression.Find(providers, algorithm) is null)
        {
            throw new InvalidOperationException($"ResponseCompressionAlgorithm '{algorithm}' has no compression provider.");
        }
        return new ServerSettings
        {
            MaxReceiveMessageSize = effective.MaxReceiveMessageSize ?? int.MaxValue,
            MaxSendMessageSize = effective.MaxSendMessageSize ?? int.MaxValue,
            EnableDetailedErrors = effective.EnableDetailedErrors,
            ResponseCompressionAlgorithm = effective.ResponseCompressionAlgorithm,
            ResponseCompressionLevel = effective.ResponseCompressionLevel,
            CompressionProviders = providers,
            Interceptors = effective.Interceptors.ToArray(),
            AcceptEncoding = MessageCompression.AcceptEncoding(providers),
        };
    }
}
