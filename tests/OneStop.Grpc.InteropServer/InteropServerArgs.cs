using System.Globalization;

namespace OneStop.Grpc.InteropServer;

/// <summary>The command line grpc/grpc's interop harnesses use: <c>--port N</c> or <c>--port=N</c>.</summary>
public static class InteropServerArgs
{
    public static int ParsePort(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--port" && i + 1 < args.Length) value = args[i + 1];
            else if (args[i].StartsWith("--port=", StringComparison.Ordinal)) value = args[i]["--port=".Length..];
            if (value is null) continue;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535) return port;
            throw new ArgumentException($"--port must be 0..65535, got '{value}'.");
        }
        throw new ArgumentException("usage: OneStop.Grpc.InteropServer --port N  (N = 0 picks a free port)");
    }
}
