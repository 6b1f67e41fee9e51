using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Grpc.Server;

/// <summary>
/// Creates the service instance and interceptors for one call from the request's DI scope. A service that is
/// registered in DI comes from there (and DI disposes it); otherwise it is constructed and disposed here.
/// </summary>
internal sealed class ServiceActivator<TService>(IReadOnlyList<InterceptorRegistration> interceptors) where TService : class
{
    private static readonly ObjectFactory Factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

    public (TService Service, bool Created) Create(IServiceProvider services)
    {
        var registered = services.GetService<TService>();
        return registered is not null ? (registered, false) : ((TService)Factory(services, null), true);
    }

    public async ValueTask ReleaseAsync(TService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync().ConfigureAwait(false); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }

    public Interceptor[] CreateInterceptors(IServiceProvider services)
    {
        if (interceptors.Count == 0) return [];
        var result = new Interceptor[interceptors.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var registration = interceptors[i];
            result[i] = registration.Arguments.Count == 0 && services.GetService(registration.Type) is Interceptor fromDi
                ? fromDi
                : (Interceptor)ActivatorUtilities.CreateInstance(services, registration.Type, registration.Arguments.ToArray());
        }
        return result;
    }
}
