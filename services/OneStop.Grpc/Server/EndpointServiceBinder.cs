using System.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OneStop.Grpc.Server;

/// <summary>A gRPC method ready to map: its path, its request delegate, and the method for endpoint metadata.</summary>
internal sealed record MethodEndpoint(IMethod Method, RequestDelegate Handler);

/// <summary>
/// Receives the methods that generated <c>BindService</c> code declares and turns each into a request delegate
/// bound to <typeparamref name="TService"/>'s implementation of it.
/// </summary>
internal sealed class EndpointServiceBinder<TService>(ServerSettings settings, ILogger logger, TimeProvider timeProvider, IServiceProvider applicationServices) : ServiceBinderBase
    where TService : class
{
    private readonly ServiceActivator<TService> _activator = new(settings.Interceptors, applicationServices);

    public List<MethodEndpoint> Endpoints { get; } = new();

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = BindMethod<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(method, typeof(TRequest), typeof(ServerCallContext));
        Add(method, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, _activator, settings, logger, timeProvider, invoker).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = BindMethod<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        Add(method, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, _activator, settings, logger, timeProvider, invoker).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = BindMethod<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Add(method, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, _activator, settings, logger, timeProvider, invoker).HandleCallAsync);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = BindMethod<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Add(method, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, _activator, settings, logger, timeProvider, invoker).HandleCallAsync);
    }

    private void Add(IMethod method, RequestDelegate handler) => Endpoints.Add(new MethodEndpoint(method, handler));

    /// <summary>An open-instance delegate to the service's (possibly overriding) method: made once, no per-call allocation.</summary>
    private static TDelegate BindMethod<TDelegate>(IMethod method, params Type[] parameterTypes) where TDelegate : Delegate
    {
        var methodInfo = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"{typeof(TService)} has no public method {method.Name} for {method.FullName}.");
        return methodInfo.CreateDelegate<TDelegate>();
    }

    /// <summary>Runs the generated static <c>BindService(ServiceBinderBase, TBase)</c> named by <see cref="BindServiceMethodAttribute"/>.</summary>
    public void BindGeneratedService()
    {
        var attribute = FindBindAttribute(typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService)} does not derive from a generated gRPC service base (no [BindServiceMethod]).");
        var bindMethod = attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(ServiceBinderBase))
            ?? throw new InvalidOperationException($"{attribute.BindType}.{attribute.BindMethodName}(ServiceBinderBase, …) not found.");
        bindMethod.Invoke(null, [this, null]);
    }

    private static BindServiceMethodAttribute? FindBindAttribute(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute) return attribute;
        }
        return null;
    }
}
