using System.Runtime.CompilerServices;

namespace Grpc.Core;

/// <summary>Reads a stream of messages: call <see cref="MoveNext"/> until it returns false.</summary>
public interface IAsyncStreamReader<out T>
{
    T Current { get; }
    Task<bool> MoveNext(CancellationToken cancellationToken);
}

/// <summary>Writes a stream of messages, one write at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message);

    /// <summary>Writes with a token that cancels a write blocked on flow control.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled) throw new NotSupportedException("This writer does not support cancellation tokens.");
        return WriteAsync(message);
    }

    WriteOptions? WriteOptions { get; set; }
}

public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>;

public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the request stream: no more messages follow.</summary>
    Task CompleteAsync();
}

public static class AsyncStreamReaderExtensions
{
    /// <summary>Enumerates the remaining messages with <c>await foreach</c>.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IAsyncStreamReader<T> streamReader,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamReader);
        while (await streamReader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return streamReader.Current;
        }
    }
}

public static class AsyncStreamWriterExtensions
{
    /// <summary>Writes every message of <paramref name="messages"/> and then completes the request stream.</summary>
    public static async Task WriteAllAsync<T>(this IClientStreamWriter<T> streamWriter, IEnumerable<T> messages, bool complete = true)
    {
        foreach (var message in messages) await streamWriter.WriteAsync(message).ConfigureAwait(false);
        if (complete) await streamWriter.CompleteAsync().ConfigureAwait(false);
    }
}
