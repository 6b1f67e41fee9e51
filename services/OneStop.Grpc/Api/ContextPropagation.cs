namespace Grpc.Core;

/// <summary>What a child call inherits from the server call that made it.</summary>
public class ContextPropagationOptions
{
    public static readonly ContextPropagationOptions Default = new();

    public ContextPropagationOptions(bool propagateDeadline = true, bool propagateCancellation = true)
    {
        IsPropagateDeadline = propagateDeadline;
        IsPropagateCancellation = propagateCancellation;
    }

    public bool IsPropagateDeadline { get; }
    public bool IsPropagateCancellation { get; }
}

/// <summary>Carries a server call's deadline and cancellation into the outgoing calls it makes.</summary>
public abstract class ContextPropagationToken
{
    /// <summary>The parent's deadline when it is propagated, else null.</summary>
    public abstract DateTime? ParentDeadline { get; }

    /// <summary>The parent's cancellation when it is propagated, else none.</summary>
    public abstract CancellationToken ParentCancellationToken { get; }
}

internal sealed class ServerCallPropagationToken(ServerCallContext parent, ContextPropagationOptions options) : ContextPropagationToken
{
    public override DateTime? ParentDeadline => options.IsPropagateDeadline && parent.Deadline != DateTime.MaxValue ? parent.Deadline : null;
    public override CancellationToken ParentCancellationToken => options.IsPropagateCancellation ? parent.CancellationToken : CancellationToken.None;
}
