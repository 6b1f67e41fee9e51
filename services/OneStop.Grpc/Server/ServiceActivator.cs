using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Grpc.Server;

/// <summary>
/// Creates the service instance and interceptors for one call from the request's DI scope. A service that is
/// registered in DI comes from there (and DI disposes it); otherwise it is constructed and disposed here.
/// </summary>
internal sealed class ServiceActivator<TService> where TService : class
{
    private static readonly ObjectFactory Factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

    private readonly IReadOnlyList<InterceptorRegistration> _interceptors;
    private readonly IServiceProvider _applicationServices;

    /// <summary>
    /// False when DI does not know TService and its only constructor takes no arguments: then a call needs nothing
    /// from the request's services, and asking for them would make hosting create (and later dispose) a DI scope
    /// per call for nothing. Registrations cannot change once the provider is built, so this is decided once.
    /// </summary>
    private readonly bool _needsRequestServices;

    public ServiceActivator(IReadOnlyList<InterceptorRegistration> interceptors, IServiceProvider applicationServices)
    {
        _interceptors = interceptors;
        _applicationServices = applicationServices;
        // Without IServiceProviderIsService (another container) we cannot tell, so look in DI per call as before.
        var knownToDi = applicationServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? true;
        var parameterless = typeof(TService).GetConstructors() is [var constructor] && constructor.GetParameters().Length == 0;
        _needsRequestServices = knownToDi || !parameterless;
    }

    public (TService Service, bool Created) Create(HttpContext httpContext)
    {
        // The factory calls the parameterless constructor and never consults the provider it is given.
        if (!_needsRequestServices) return ((TService)Factory(_applicationServices, null), true);

        var services = httpContext.RequestServices;
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

    public Interceptor[] CreateInterceptors(HttpContext httpContext)
    {
        // Checked before touching RequestServices, which would create the request's DI scope.
        if (_interceptors.Count == 0) return [];
        var services = httpContext.RequestServices;
        var result = new Interceptor[_interceptors.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var registration = _interceptors[i];
            result[i] = registration.Arguments.Count == 0 && services.GetService(registration.Type) is Interceptor fromDi
                ? fromDi
                : (Interceptor)ActivatorUtilities.CreateInstance(services, registration.Type, registration.Arguments.ToArray());
        }
        return result;
    }
}
