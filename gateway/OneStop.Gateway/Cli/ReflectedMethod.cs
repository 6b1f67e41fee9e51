using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace OneStop.Gateway.Cli;

/// <summary>A method's descriptor, found by asking a server's reflection (v1) for the file that defines its service.</summary>
public static class ReflectedMethod
{
    /// <summary>
    /// The method named "package.Service/Method" (or "package.Service.Method"); null with a message when the server
    /// does not know it.
    /// </summary>
    public static async Task<(MethodDescriptor? Method, string? Problem)> FindAsync(CallInvoker invoker, string name, CancellationToken cancellationToken)
    {
        var slash = name.LastIndexOf('/');
        var split = slash > 0 ? slash : name.LastIndexOf('.');
        if (split <= 0 || split == name.Length - 1) return (null, $"'{name}' is no method name; write package.Service/Method");
        var serviceName = name[..split].TrimStart('/');
        var methodName = name[(split + 1)..];

        var client = new ServerReflection.ServerReflectionClient(invoker);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = serviceName }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        if (!await call.ResponseStream.MoveNext(cancellationToken)) return (null, "the server's reflection gave no answer");
        var answer = call.ResponseStream.Current;
        if (answer.ErrorResponse is { } error) return (null, $"the server does not know the service '{serviceName}' ({(StatusCode)error.ErrorCode}: {error.ErrorMessage})");

        var files = Build(answer.FileDescriptorResponse.FileDescriptorProto);
        var service = files.SelectMany(f => f.Services).FirstOrDefault(s => s.FullName == serviceName);
        if (service is null) return (null, $"the server does not know the service '{serviceName}'");
        var method = service.FindMethodByName(methodName);
        return method is null
            ? (null, $"{serviceName} has no method '{methodName}'; it has {string.Join(", ", service.Methods.Select(m => m.Name))}")
            : (method, null);
    }

    /// <summary>The files as descriptors; Google.Protobuf builds a file only after the files it imports.</summary>
    private static IReadOnlyList<FileDescriptor> Build(IEnumerable<ByteString> serialized)
    {
        var protos = serialized.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        var byName = protos.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var ordered = new List<FileDescriptorProto>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(FileDescriptorProto proto)
        {
            if (!done.Add(proto.Name)) return;
            foreach (var dependency in proto.Dependency)
                if (byName.TryGetValue(dependency, out var imported)) Visit(imported);
            ordered.Add(proto);
        }
        foreach (var proto in protos) Visit(proto);
        return FileDescriptor.BuildFromByteStrings(ordered.Select(p => p.ToByteString()));
    }
}
