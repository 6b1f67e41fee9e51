using System.Net;
using System.Net.Sockets;

namespace OneStop.TestSupport;

public static class FreePort
{
    /// <summary>A port nothing listens on right now (for "destination is down" and child processes).</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
