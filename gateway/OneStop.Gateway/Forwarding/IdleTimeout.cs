namespace OneStop.Gateway.Forwarding;

/// <summary>
/// A cluster's <c>HttpRequest:ActivityTimeout</c> for one call: cancels it when neither side has sent anything for
/// that long. One timer per call, re-armed only when it fires, and one timestamp written per message, so a busy
/// stream costs next to nothing. Clusters without an ActivityTimeout get none at all (see docs/gateway.md).
/// </summary>
public sealed class IdleTimeout : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _expired = new();
    private readonly ITimer _timer;
    private long _lastActivity;

    public IdleTimeout(TimeSpan limit, TimeProvider clock)
    {
        _limit = limit;
        _clock = clock;
        _lastActivity = clock.GetTimestamp();
        _timer = clock.CreateTimer(static state => ((IdleTimeout)state!).Check(), this, limit, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _expired.Token;

    public bool Expired => _expired.IsCancellationRequested;

    /// <summary>A message (or part of one) went through.</summary>
    public void Touch() => Volatile.Write(ref _lastActivity, _clock.GetTimestamp());

    private void Check()
    {
        var idle = _clock.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (idle >= _limit)
        {
            try { _expired.Cancel(); }
            catch (ObjectDisposedException) { /* the call ended meanwhile */ }
            return;
        }
        try { _timer.Change(_limit - idle, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _expired.Dispose();
    }
}
