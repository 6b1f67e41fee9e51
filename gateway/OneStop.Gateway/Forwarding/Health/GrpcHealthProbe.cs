using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Health.V1;
using OneStop.Gateway.Forwarding.Protocol;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace OneStop.Gateway.Forwarding.Health;

/// <summary>
/// YARP's active health monitor sends this instead of its HTTP GET: a grpc.health.v1 Check call (POST over HTTP/2,
/// application/grpc, te: trailers, one framed HealthCheckRequest) asking for the service named in the cluster's
/// metadata <c>GrpcHealthService</c> (empty: the server as a whole). <see cref="GrpcHealthPolicy"/> judges the answer.
/// </summary>
public sealed class GrpcHealthProbe : IProbingRequestFactory
{
    public const string ServiceMetadataKey = "GrpcHealthService";
    private const string CheckPath = "/grpc.health.v1.Health/Check";

    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        var address = destination.Config.Health is { Length: > 0 } health ? health : destination.Config.Address;
        var service = cluster.Config.Metadata?.GetValueOrDefault(ServiceMetadataKey) ?? "";
        var request = new HttpRequestMessage(HttpMethod.Post, address.TrimEnd('/') + CheckPath)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // h2c by prior knowledge, as the calls themselves
            Content = new ProbeContent(Frame(new HealthCheckRequest { Service = service })),
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (cluster.Config.HealthCheck?.Active?.Timeout is { } timeout) request.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(timeout));
        return request;
    }

    /// <summary>A gRPC message frame: no compression, 4-byte big-endian length, the message.</summary>
    private static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Marks a request as a probe for <see cref="ResponseBuffering"/>.</summary>
    private sealed class ProbeContent : ByteArrayContent
    {
        public ProbeContent(byte[] body) : base(body) => Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
    }

    /// <summary>
    /// Reads a probe's whole answer (message and trailers) while the monitor's probe timeout still applies: YARP hands
    /// the response to the policy synchronously, and gRPC's verdict is in the body and the trailers, not the HTTP
    /// status. Forwarded calls pass straight through.
    /// </summary>
    public sealed class ResponseBuffering(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Content is ProbeContent ? SendProbeAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

        private async Task<HttpResponseMessage> SendProbeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
