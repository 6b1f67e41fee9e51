using Grpc.Core;
using Grpc.Net.Client;

namespace OneStop.Gateway.Cli;

/// <summary>
/// <c>./onestop call onestop.directory.v1.DirectoryService/SearchServices '{"language": "ar"}' --role frontdesk</c>:
/// one call through the gateway's gRPC entry, with nothing to install. The method and its messages come from the
/// gateway's server reflection, the request is the JSON mapping of the request message, the token is a development
/// token minted like <see cref="DevelopmentTokenCommand"/>'s (no --role and no --scope: no token), and the answer is
/// printed as JSON (one object per message of a server stream).
/// </summary>
public static class CallCommand
{
    public const string Usage =
        "usage: call package.Service/Method ['{json}'] [--address http://127.0.0.1:8081] [--role ROLE…] [--org ORG_ID] [--region AGS] [--sub SUBJECT] [--scope \"a b\"]";

    public const string DefaultAddress = "http://127.0.0.1:8081";

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count < 2 || args[1].StartsWith("--", StringComparison.Ordinal)) return Fail(error, "name the method");
        var methodName = args[1];
        var hasJson = args.Count > 2 && !args[2].StartsWith("--", StringComparison.Ordinal);
        var json = hasJson ? args[2] : "{}";
        var address = DefaultAddress;
        var tokenOptions = new List<string> { "token" };
        for (var i = hasJson ? 3 : 2; i < args.Count; i++)
        {
            if (args[i] == "--address" && i + 1 < args.Count) address = args[++i];
            else tokenOptions.Add(args[i]);
        }

        string? token = null;
        if (tokenOptions.Count > 1)
        {
            var minted = new StringWriter();
            var status = DevelopmentTokenCommand.Run(tokenOptions, minted, error);
            if (status != 0) return status;
            token = minted.ToString().Trim();
        }

        using var channel = GrpcChannel.ForAddress(address);
        var invoker = channel.CreateCallInvoker();
        try
        {
            var (method, problem) = await ReflectedMethod.FindAsync(invoker, methodName, CancellationToken.None);
            if (method is null) return Fail(error, problem!);
            if (method.IsClientStreaming) return Fail(error, $"{method.FullName} takes a stream of requests; call it with a gRPC client library");

            byte[] request;
            try
            {
                request = DescriptorJson.ToBinary(method.InputType, json);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                return Fail(error, $"the JSON is no {method.InputType.FullName}: {e.Message}");
            }

            var grpcMethod = new Method<byte[], byte[]>(method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
                method.Service.FullName, method.Name, Bytes, Bytes);
            var headers = token is null ? null : new Metadata { { "authorization", $"Bearer {token}" } };
            var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(60));
            if (method.IsServerStreaming)
            {
                using var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, request);
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) output.WriteLine(DescriptorJson.ToJson(method.OutputType, call.ResponseStream.Current));
            }
            else
            {
                output.WriteLine(DescriptorJson.ToJson(method.OutputType, await invoker.AsyncUnaryCall(grpcMethod, null, options, request)));
            }
            return 0;
        }
        catch (RpcException e)
        {
            error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
            return 1;
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
