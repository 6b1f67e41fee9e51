using System.Text;
using Grpc.Core;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.ServiceDefaults.Tests.TestSupport;

/// <summary>
/// A one-method gRPC service written in the shape Grpc.Tools generates (a base with [BindServiceMethod]), so the
/// tests need no .proto. The reply is the caller as "sub|org|region|role,role"; an anonymous caller gets
/// UNAUTHENTICATED, the way a OneStop service refuses a write without identity. <see cref="Hello"/> admits anonymous
/// callers, the way the directory's reads do.
/// </summary>
[BindServiceMethod(typeof(WhoAmIService), nameof(BindService))]
public class WhoAmIService
{
    private static readonly Marshaller<string> Utf8 = Marshallers.Create(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);

    public static readonly Method<string, string> WhoAmIMethod =
        new(MethodType.Unary, "onestop.test.Identity", "WhoAmI", Utf8, Utf8);

    public static readonly Method<string, string> HelloMethod =
        new(MethodType.Unary, "onestop.test.Identity", "Hello", Utf8, Utf8);

    public static void BindService(ServiceBinderBase binder, WhoAmIService? service)
    {
        binder.AddMethod(WhoAmIMethod, service is null ? null : service.WhoAmI);
        binder.AddMethod(HelloMethod, service is null ? null : service.Hello);
    }

    /// <summary>"hello anonymous" without a token, else "hello" and the subject.</summary>
    public virtual Task<string> Hello(string request, ServerCallContext context) =>
        Task.FromResult($"hello {context.GetCaller()?.Subject ?? "anonymous"}");

    public virtual Task<string> WhoAmI(string request, ServerCallContext context)
    {
        var caller = context.GetCaller() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid token is required."));
        return Task.FromResult($"{caller.Subject}|{caller.OrganizationId}|{caller.RegionAgs}|{string.Join(",", caller.Roles.Order())}");
    }
}
