using Grpc.Core;
using Grpc.Testing;

namespace OneStop.Benchmarks.Framing;

/// <summary>
/// grpc.testing.TestService's own generated method descriptors, taken from its generated BindService, so the
/// benchmarks serialize with exactly the marshallers a server uses (the generated fields themselves are private).
/// </summary>
internal static class TestServiceMethods
{
    public static Method<SimpleRequest, SimpleResponse> UnaryCall { get; }
    public static Method<Empty, Empty> EmptyCall { get; }

    static TestServiceMethods()
    {
        var binder = new UnaryMethodCollector();
        TestService.BindService(binder, null!);
        UnaryCall = (Method<SimpleRequest, SimpleResponse>)binder.Methods["UnaryCall"];
        EmptyCall = (Method<Empty, Empty>)binder.Methods["EmptyCall"];
    }

    private sealed class UnaryMethodCollector : ServiceBinderBase
    {
        public Dictionary<string, IMethod> Methods { get; } = new();

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            Methods.Add(method.Name, method);

        // Streaming methods are not benchmarked here; ignoring them keeps the base class from throwing.
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) { }
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) { }
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) { }
    }
}
