using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Benchmarks.ServerCall;

/// <summary>
/// HttpContext.RequestServices as ASP.NET Core hosting provides it: the request's DI scope is created on first use
/// and disposed when the request ends. So a handler that asks for services pays for the scope, and one that doesn't
/// (the raw endpoint) doesn't, exactly as on the real server.
/// </summary>
internal sealed class FakeRequestServices(IServiceScopeFactory scopeFactory) : IServiceProvidersFeature
{
    private AsyncServiceScope? _scope;

    public IServiceProvider RequestServices
    {
        get => (_scope ??= scopeFactory.CreateAsyncScope()).ServiceProvider;
        set => throw new NotSupportedException("The benchmark's request services come from its scope factory.");
    }

    public async ValueTask EndAsync()
    {
        if (_scope is { } scope)
        {
            _scope = null;
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }
}
