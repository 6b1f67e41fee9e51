using OneStop.Grpc.InteropServer;

// The grpc.testing interop server: `--port N` (0 picks a free port), HTTP/2 cleartext on 127.0.0.1.
int port;
try
{
    port = InteropServerArgs.ParsePort(args);
}
catch (ArgumentException usage)
{
    Console.Error.WriteLine(usage.Message);
    return 2;
}
await using var server = await InteropServerHost.StartAsync(port);

// Harnesses wait for exactly this line; all logging goes to stderr so nothing else appears on stdout.
Console.WriteLine($"listening on 127.0.0.1:{server.Port}");
await server.WaitForShutdownAsync();
return 0;
