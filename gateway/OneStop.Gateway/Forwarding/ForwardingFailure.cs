using Yarp.ReverseProxy.Forwarder;

namespace OneStop.Gateway.Forwarding;

/// <summary>
/// What <see cref="GrpcForwarder"/> tells the rest of YARP's pipeline about a failed call: passive health reads
/// <see cref="IsBackendsFault"/>, the retry step <see cref="NeverReachedBackend"/>.
/// </summary>
public sealed class ForwardingFailure(ForwarderError error, Exception? exception, bool neverReachedBackend, bool isBackendsFault) : IForwarderErrorFeature
{
    public ForwarderError Error { get; } = error;
    public Exception? Exception { get; } = exception;

    /// <summary>Nothing of the call left the gateway and no answer was written: safe to send to another destination.</summary>
    public bool NeverReachedBackend { get; } = neverReachedBackend;

    /// <summary>A transport failure on the backend's side (not the client leaving, its deadline or its body).</summary>
    public bool IsBackendsFault { get; } = isBackendsFault;
}
