namespace Grpc.Core;

[Flags]
public enum WriteFlags
{
    /// <summary>Hint that the write may be buffered rather than flushed at once.</summary>
    BufferHint = 0x1,

    /// <summary>Send this message uncompressed even when the call is compressed.</summary>
    NoCompress = 0x2,
}

public class WriteOptions
{
    public static readonly WriteOptions Default = new();

    public WriteOptions(WriteFlags flags = default) => Flags = flags;

    public WriteFlags Flags { get; }
}

internal static class WriteOptionsExtensions
{
    /// <summary>Null-safe flag test (a lifted <c>(o?.Flags &amp; f) == 0</c> is false for null options).</summary>
    public static bool Has(this WriteOptions? options, WriteFlags flag) => options is not null && (options.Flags & flag) != 0;
}
