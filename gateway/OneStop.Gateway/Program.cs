using OneStop.Gateway;
using OneStop.Gateway.Forwarding;
using OneStop.Gateway.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.MapForwarder();
app.MapWebFront();
return await app.RunGatewayAsync(args);
