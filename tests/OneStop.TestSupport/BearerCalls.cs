using Grpc.Core;
using Grpc.Core.Interceptors;

namespace OneStop.TestSupport;

public static class BearerCalls
{
    /// <summary>Calls over <paramref name="channel"/>; with a token, every call carries it as a bearer token.</summary>
    public static CallInvoker Invoker(ChannelBase channel, string? token) =>
        token is null
            ? channel.CreateCallInvoker()
            : channel.CreateCallInvoker().Intercept(metadata =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return metadata;
            });
}
