using OneStop.Gateway;
using OneStop.Gateway.Forwarding;
using OneStop.Gateway.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
// `seed` and `token` run before the proxy is mapped: mapping loads YARP's configuration and starts health probes,
// whose log lines would end up in the token that `token` prints.
if (Extensions.IsCommand(args)) return await app.RunGatewayAsync(args);
app.UseGateway();
app.MapForwarder();
app.MapWebFront();
return await app.RunGatewayAsync(args);
