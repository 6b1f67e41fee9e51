using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Benchmarks.AllocationProbe;

/// <summary>
/// Answers any connection on 127.0.0.1:port (0 for a free one, announced on stderr) with the process's allocation
/// and CPU counters as one text line: <c>allocated_bytes=N cpu_ms=N gen0=N gen1=N gen2=N</c> (HTTP/1.0, so curl can
/// read it). Read before and after an h2load run, the differences divided by the request count give bytes allocated
/// and CPU time per request for the whole server, Kestrel included. It runs on its own thread and port, well away
/// from the path being measured, and allocates a few hundred bytes per read: nothing against the megabytes a run
/// allocates. With a sampler (diagnosis only), a request for <c>/types</c> answers with the sampled bytes per type.
/// </summary>
internal static class ProbeListener
{
    private static AllocationSampler? _sampler;

    public static void Start(int port, bool sampleTypes)
    {
        if (sampleTypes) _sampler = new AllocationSampler();
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        // Port 0 picks a free one; say which on stderr, since a server's stdout belongs to its own "listening on" line.
        Console.Error.WriteLine($"allocation probe listening on 127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        var thread = new Thread(() => Serve(listener)) { IsBackground = true, Name = "allocation probe" };
        thread.Start();
    }

    private static void Serve(TcpListener listener)
    {
        var request = new byte[1024];
        while (true)
        {
            using var client = listener.AcceptTcpClient();
            var stream = client.GetStream();
            var read = stream.Read(request);
            var body = _sampler is not null && Encoding.ASCII.GetString(request, 0, read).StartsWith("GET /types", StringComparison.Ordinal)
                ? _sampler.TakeReport()
                : Snapshot();
            var response = $"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
            stream.Write(Encoding.ASCII.GetBytes(response));
        }
    }

    private static string Snapshot() => string.Create(CultureInfo.InvariantCulture,
        $"allocated_bytes={GC.GetTotalAllocatedBytes(precise: true)} cpu_ms={(long)Environment.CpuUsage.TotalTime.TotalMilliseconds} " +
        $"gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}\n");
}
