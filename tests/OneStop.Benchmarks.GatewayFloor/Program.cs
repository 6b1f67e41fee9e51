// The floor of the gateway's architecture (Kestrel server + HttpMessageInvoker over one SocketsHttpHandler): a
// forwarder that does nothing else for a unary gRPC call. No routing, authentication, deadlines, health, retries,
// limits or error mapping; it reads the same environment as the gateway in run-gateway-h2load.sh, so it runs as
// that script's "before" target:
//   dotnet build tests/OneStop.Benchmarks.GatewayFloor -c Release
//   BEFORE_GATEWAY_DLL=$PWD/tests/OneStop.Benchmarks.GatewayFloor/bin/Release/net10.0/OneStop.Benchmarks.GatewayFloor.dll \
//     tests/OneStop.Benchmarks/run-gateway-h2load.sh
// With ONESTOP_FLOOR_MODE=yarp it is stock YARP instead: AddReverseProxy/MapReverseProxy with one route to the same
// backend and YARP's own forwarder (the "yarp" target of run-gateway-h2load.sh).
using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;

var port = int.Parse(Environment.GetEnvironmentVariable("OneStop__Port") ?? "8081");
var backend = new Uri(Environment.GetEnvironmentVariable("ReverseProxy__Clusters__testing__Destinations__d0__Address")
    ?? throw new InvalidOperationException("ReverseProxy__Clusters__testing__Destinations__d0__Address names the backend."));

var stockYarp = Environment.GetEnvironmentVariable("ONESTOP_FLOOR_MODE") == "yarp";

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
if (stockYarp)
{
    builder.Services.AddReverseProxy().LoadFromMemory(
        [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**path}" } }],
        [new ClusterConfig
        {
            ClusterId = "backend",
            Destinations = new Dictionary<string, DestinationConfig> { ["d0"] = new() { Address = backend.ToString() } },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        }]);
}
var app = builder.Build();
if (stockYarp)
{
    app.MapReverseProxy();
    Console.WriteLine($"listening on http://127.0.0.1:{port}");
    app.Run();
    return;
}

var invoker = new HttpMessageInvoker(new SocketsHttpHandler
{
    EnableMultipleHttp2Connections = true, UseProxy = false, UseCookies = false, AllowAutoRedirect = false, ActivityHeadersPropagator = null,
});
var uris = new ConcurrentDictionary<string, Uri>();

app.Run(async context =>
{
    var uri = uris.GetOrAdd(context.Request.Path.Value ?? "/", path => new Uri(backend, path));
    using var request = new HttpRequestMessage(HttpMethod.Post, uri)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new StreamContent(context.Request.Body),
    };
    request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
    request.Headers.TryAddWithoutValidation("te", "trailers");
    using var response = await invoker.SendAsync(request, context.RequestAborted);
    context.Response.ContentType = "application/grpc";
    await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
    var writer = context.Response.BodyWriter;
    while (true)
    {
        var read = await body.ReadAsync(writer.GetMemory(), context.RequestAborted);
        if (read == 0) break;
        writer.Advance(read);
        await writer.FlushAsync(context.RequestAborted);
    }
    foreach (var (name, values) in response.TrailingHeaders.NonValidated) context.Response.AppendTrailer(name, values.ToString());
});

// run-gateway-h2load.sh waits for this line.
Console.WriteLine($"listening on http://127.0.0.1:{port}");
app.Run();
