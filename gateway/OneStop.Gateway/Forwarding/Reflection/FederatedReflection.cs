using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection;
using Grpc.Reflection.V1;

namespace OneStop.Gateway.Forwarding.Reflection;

/// <summary>
/// Server reflection for the whole suite at its one entry point. <c>list</c> is the gateway's own services plus every
/// routed service of every backend; a symbol, file or extension question goes to the backend that owns the symbol
/// (<see cref="ReflectionBackends"/>), and is answered by the backend's own reflection service, so descriptors are
/// never copied into the gateway. Shared files (google/protobuf/…) that no route owns are asked of the gateway's own
/// registry, then of each backend in turn.
/// </summary>
public sealed class FederatedReflection(ReflectionBackends backends, ILogger<FederatedReflection> logger) : IDisposable
{
    /// <summary>What the gateway serves itself (health and both reflection versions); YARP forwards everything else.</summary>
    public static readonly string[] OwnServices =
    [
        Grpc.Health.V1.Health.Descriptor.FullName,
        ServerReflection.Descriptor.FullName,
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor.FullName,
    ];

    private static readonly TimeSpan BackendDeadline = TimeSpan.FromSeconds(10);

    private static readonly SymbolRegistry Own = SymbolRegistry.FromFiles(
    [
        HealthReflection.Descriptor,
        ReflectionReflection.Descriptor,
        Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor,
    ]);

    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public async Task<ServerReflectionResponse> AnswerAsync(ServerReflectionRequest request, CancellationToken cancellationToken)
    {
        var known = backends.All();
        var response = request.MessageRequestCase switch
        {
            ServerReflectionRequest.MessageRequestOneofCase.ListServices => await ListAsync(request, known, cancellationToken),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol =>
                await AskOwnerAsync(request, request.FileContainingSymbol, known, Own.FileContainingSymbol, cancellationToken),
            ServerReflectionRequest.MessageRequestOneofCase.FileByFilename =>
                await AskOwnerAsync(request, request.FileByFilename.Replace('/', '.'), known, _ => Own.FileByName(request.FileByFilename), cancellationToken),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension =>
                await AskOwnerAsync(request, request.FileContainingExtension.ContainingType, known, _ => null, cancellationToken),
            ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType =>
                await AskOwnerAsync(request, request.AllExtensionNumbersOfType, known, _ => null, cancellationToken),
            _ => Error(StatusCode.InvalidArgument, "the reflection request names no question"),
        };
        response.ValidHost = request.Host;
        response.OriginalRequest = request;
        return response;
    }

    private async Task<ServerReflectionResponse> ListAsync(ServerReflectionRequest request, IReadOnlyList<ReflectionBackends.Backend> known, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(OwnServices, StringComparer.Ordinal);
        // One question per cluster; a backend's list is filtered to what its routes forward (its health and
        // reflection services are the gateway's own at this entry point).
        foreach (var cluster in known.GroupBy(b => b.ClusterId))
        {
            var answer = await AskAsync(cluster.First().Addresses, request, cancellationToken);
            if (answer?.ListServicesResponse is not { } listed)
            {
                logger.LogWarning("Reflection: cluster {Cluster} did not list its services; the list is partial", cluster.Key);
                continue;
            }
            foreach (var service in listed.Service)
                if (cluster.Any(b => service.Name.StartsWith(b.Prefix, StringComparison.Ordinal))) names.Add(service.Name);
        }
        var list = new ListServiceResponse();
        list.Service.AddRange(names.Select(n => new ServiceResponse { Name = n }));
        return new ServerReflectionResponse { ListServicesResponse = list };
    }

    /// <summary>
    /// The owning backend answers, whatever it says. A symbol no route owns is the gateway's own (health, reflection)
    /// or a shared file: the gateway's registry, then each backend until one knows it.
    /// </summary>
    private async Task<ServerReflectionResponse> AskOwnerAsync(ServerReflectionRequest request, string symbol,
        IReadOnlyList<ReflectionBackends.Backend> known, Func<string, FileDescriptor?> own, CancellationToken cancellationToken)
    {
        var owner = ReflectionBackends.Owners(known, symbol).FirstOrDefault();
        if (owner is not null)
        {
            return await AskAsync(owner.Addresses, request, cancellationToken)
                ?? Error(StatusCode.Unavailable, $"the reflection of the service owning '{symbol}' ({owner.ClusterId}) did not answer");
        }
        if (own(symbol) is { } file) return new ServerReflectionResponse { FileDescriptorResponse = WithDependencies(file) };
        foreach (var cluster in known.GroupBy(b => b.ClusterId))
        {
            var answer = await AskAsync(cluster.First().Addresses, request, cancellationToken);
            if (answer is { MessageResponseCase: not ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse }) return answer;
        }
        return Error(StatusCode.NotFound, $"no service behind the gateway knows '{symbol}'");
    }

    /// <summary>One request on a fresh reflection stream of the first backend address that answers; null if none does.</summary>
    private async Task<ServerReflectionResponse?> AskAsync(IReadOnlyList<Uri> addresses, ServerReflectionRequest request, CancellationToken cancellationToken)
    {
        foreach (var address in addresses)
        {
            var client = new ServerReflection.ServerReflectionClient(_channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a)));
            try
            {
                using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow + BackendDeadline, cancellationToken: cancellationToken);
                await call.RequestStream.WriteAsync(request, cancellationToken);
                await call.RequestStream.CompleteAsync();
                if (await call.ResponseStream.MoveNext(cancellationToken)) return call.ResponseStream.Current;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Reflection: {Address} did not answer ({Status})", address, e.StatusCode);
            }
        }
        return null;
    }

    private static FileDescriptorResponse WithDependencies(FileDescriptor file)
    {
        var response = new FileDescriptorResponse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(FileDescriptor f)
        {
            if (!seen.Add(f.Name)) return;
            response.FileDescriptorProto.Add(f.SerializedData);
            foreach (var dependency in f.Dependencies) Add(dependency);
        }
        Add(file);
        return response;
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
    }
}
