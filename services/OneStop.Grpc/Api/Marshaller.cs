using System.Text;

namespace Grpc.Core;

/// <summary>Turns messages into bytes and back; simple (byte array) or contextual (buffer writer/sequence) form.</summary>
public class Marshaller<T>
{
    private readonly Func<T, byte[]>? _serializer;
    private readonly Func<byte[], T>? _deserializer;

    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
        ContextualSerializer = (value, context) => context.Complete(_serializer(value));
        ContextualDeserializer = context => _deserializer(context.PayloadAsNewBuffer());
    }

    public Marshaller(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        ContextualSerializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        ContextualDeserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    public Func<T, byte[]> Serializer => _serializer ?? SerializeToArray;
    public Func<byte[], T> Deserializer => _deserializer ?? DeserializeFromArray;
    public Action<T, SerializationContext> ContextualSerializer { get; }
    public Func<DeserializationContext, T> ContextualDeserializer { get; }

    private byte[] SerializeToArray(T value)
    {
        var context = new ArraySerializationContext();
        ContextualSerializer(value, context);
        return context.Result;
    }

    private T DeserializeFromArray(byte[] payload) => ContextualDeserializer(new ArrayDeserializationContext(payload));
}

/// <summary>Factory methods for marshallers.</summary>
public static class Marshallers
{
    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer) => new(serializer, deserializer);

    public static Marshaller<T> Create<T>(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer) => new(serializer, deserializer);

    /// <summary>UTF-8 strings.</summary>
    public static Marshaller<string> StringMarshaller { get; } = new(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);
}
