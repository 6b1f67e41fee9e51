namespace Grpc.Core;

/// <summary>Receives a service's methods and handlers; a server implements it to register them.</summary>
public class ServiceBinderBase
{
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class where TResponse : class => throw new NotImplementedException();

    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class where TResponse : class => throw new NotImplementedException();

    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class where TResponse : class => throw new NotImplementedException();

    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class where TResponse : class => throw new NotImplementedException();
}

/// <summary>Names the static method that binds a generated service base to a <see cref="ServiceBinderBase"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public class BindServiceMethodAttribute : Attribute
{
    public BindServiceMethodAttribute(Type bindType, string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    public Type BindType { get; }
    public string BindMethodName { get; }
}

/// <summary>A service's methods with their handlers, independent of any server.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _bindings;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> bindings) => _bindings = bindings;

    /// <summary>Replays every method into <paramref name="serviceBinder"/>.</summary>
    public void BindService(ServiceBinderBase serviceBinder)
    {
        foreach (var bind in _bindings) bind(serviceBinder);
    }

    public static Builder CreateBuilder() => new();

    public class Builder
    {
        private readonly List<Action<ServiceBinderBase>> _bindings = new();
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class where TResponse : class => Add(method, b => b.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class where TResponse : class => Add(method, b => b.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class where TResponse : class => Add(method, b => b.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class where TResponse : class => Add(method, b => b.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new(_bindings.ToArray());

        private Builder Add(IMethod method, Action<ServiceBinderBase> bind)
        {
            if (!_names.Add(method.FullName)) throw new InvalidOperationException($"Method {method.FullName} is already registered.");
            _bindings.Add(bind);
            return this;
        }
    }
}
