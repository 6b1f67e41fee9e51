using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace OneStop.Gateway.Cli;

/// <summary>
/// Protobuf's JSON mapping over descriptors known only at run time (from server reflection): JSON to the binary
/// encoding of a message and back. Google.Protobuf for C# has no dynamic message, and its JsonParser and
/// JsonFormatter work only on generated types, so the fields are walked here; the well-known types (Timestamp,
/// Duration, wrappers, Struct, FieldMask, Empty), whose JSON forms are special, are handed to Google.Protobuf's own
/// generated types. Groups and Any are not supported (no OneStop contract uses them).
/// </summary>
public static class DescriptorJson
{
    private static readonly Dictionary<string, MessageDescriptor> WellKnown = new MessageDescriptor[]
    {
        Timestamp.Descriptor, Duration.Descriptor, FieldMask.Descriptor, Empty.Descriptor, Struct.Descriptor, Value.Descriptor, ListValue.Descriptor,
        DoubleValue.Descriptor, FloatValue.Descriptor, Int64Value.Descriptor, UInt64Value.Descriptor, Int32Value.Descriptor,
        UInt32Value.Descriptor, BoolValue.Descriptor, StringValue.Descriptor, BytesValue.Descriptor,
    }.ToDictionary(d => d.FullName, StringComparer.Ordinal);

    /// <summary>The binary encoding of <paramref name="json"/> as a <paramref name="message"/>; a wrong field is a <see cref="FormatException"/> naming it.</summary>
    public static byte[] ToBinary(MessageDescriptor message, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encode(message, document.RootElement, message.FullName);
    }

    /// <summary>The JSON of a binary <paramref name="message"/> (proto3 mapping: lowerCamelCase names, 64-bit integers as strings).</summary>
    public static string ToJson(MessageDescriptor message, byte[] binary)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Decode(message, binary, writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static byte[] Encode(MessageDescriptor message, JsonElement json, string path)
    {
        if (WellKnown.TryGetValue(message.FullName, out var known))
            return JsonParser.Default.Parse(json.GetRawText(), known).ToByteArray();
        if (json.ValueKind != JsonValueKind.Object) throw new DescriptorJsonFormatException($"{path} must be a JSON object");
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var property in json.EnumerateObject())
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name || f.Name == property.Name)
                ?? throw new DescriptorJsonFormatException($"{message.FullName} has no field '{property.Name}'");
            var fieldPath = $"{path}.{field.Name}";
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (field.IsMap)
            {
                if (property.Value.ValueKind != JsonValueKind.Object) throw new DescriptorJsonFormatException($"{fieldPath} must be a JSON object");
                var key = field.MessageType.FindFieldByNumber(1);
                var value = field.MessageType.FindFieldByNumber(2);
                foreach (var entry in property.Value.EnumerateObject())
                {
                    using var entryStream = new MemoryStream();
                    var entryOutput = new CodedOutputStream(entryStream);
                    using (var keyJson = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name)))
                        WriteValue(key, keyJson.RootElement, entryOutput, $"{fieldPath}[{entry.Name}]");
                    WriteValue(value, entry.Value, entryOutput, $"{fieldPath}[{entry.Name}]");
                    entryOutput.Flush();
                    output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(entryStream.ToArray()));
                }
            }
            else if (field.IsRepeated)
            {
                if (property.Value.ValueKind != JsonValueKind.Array) throw new DescriptorJsonFormatException($"{fieldPath} must be a JSON array");
                var index = 0;
                foreach (var item in property.Value.EnumerateArray()) WriteValue(field, item, output, $"{fieldPath}[{index++}]");
            }
            else
            {
                WriteValue(field, property.Value, output, fieldPath);
            }
        }
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>One value with its tag; repeated scalars are written unpacked, which every parser accepts.</summary>
    private static void WriteValue(FieldDescriptor field, JsonElement json, CodedOutputStream output, string path)
    {
        var n = field.FieldNumber;
        try
        {
            switch (field.FieldType)
            {
                case FieldType.Double: output.WriteTag(n, WireFormat.WireType.Fixed64); output.WriteDouble(Floating(json)); break;
                case FieldType.Float: output.WriteTag(n, WireFormat.WireType.Fixed32); output.WriteFloat((float)Floating(json)); break;
                case FieldType.Int64: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteInt64(long.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.UInt64: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteUInt64(ulong.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.SInt64: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteSInt64(long.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.Fixed64: output.WriteTag(n, WireFormat.WireType.Fixed64); output.WriteFixed64(ulong.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.SFixed64: output.WriteTag(n, WireFormat.WireType.Fixed64); output.WriteSFixed64(long.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.Int32: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteInt32(int.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.UInt32: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteUInt32(uint.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.SInt32: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteSInt32(int.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.Fixed32: output.WriteTag(n, WireFormat.WireType.Fixed32); output.WriteFixed32(uint.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.SFixed32: output.WriteTag(n, WireFormat.WireType.Fixed32); output.WriteSFixed32(int.Parse(Number(json), CultureInfo.InvariantCulture)); break;
                case FieldType.Bool: output.WriteTag(n, WireFormat.WireType.Varint); output.WriteBool(json.GetBoolean()); break;
                case FieldType.String: output.WriteTag(n, WireFormat.WireType.LengthDelimited); output.WriteString(json.GetString()!); break;
                case FieldType.Bytes:
                    output.WriteTag(n, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.FromBase64(json.GetString()!.Replace('-', '+').Replace('_', '/')));
                    break;
                case FieldType.Enum:
                    output.WriteTag(n, WireFormat.WireType.Varint);
                    output.WriteEnum(json.ValueKind == JsonValueKind.Number ? json.GetInt32()
                        : field.EnumType.FindValueByName(json.GetString()!)?.Number
                          ?? throw new DescriptorJsonFormatException($"{path}: {field.EnumType.FullName} has no value '{json.GetString()}'"));
                    break;
                case FieldType.Message:
                    output.WriteTag(n, WireFormat.WireType.LengthDelimited);
                    output.WriteBytes(ByteString.CopyFrom(Encode(field.MessageType, json, path)));
                    break;
                default: throw new DescriptorJsonFormatException($"{path}: fields of type {field.FieldType} are not supported");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException or InvalidProtocolBufferException
                                      or (FormatException and not DescriptorJsonFormatException))
        {
            throw new DescriptorJsonFormatException($"{path}: {e.Message}");
        }
    }

    private static double Floating(JsonElement json) => json.ValueKind == JsonValueKind.String
        ? json.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => double.Parse(text!, CultureInfo.InvariantCulture),
        }
        : json.GetDouble();

    /// <summary>The JSON mapping allows integers as numbers or as strings (64-bit ones are printed as strings).</summary>
    private static string Number(JsonElement json) => json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();

    private static void Decode(MessageDescriptor message, byte[] binary, Utf8JsonWriter writer)
    {
        if (WellKnown.TryGetValue(message.FullName, out var known))
        {
            writer.WriteRawValue(JsonFormatter.Default.Format(known.Parser.ParseFrom(binary)));
            return;
        }
        // Values per field first: a repeated field's values may be spread over the message (and packed or not).
        var values = new SortedDictionary<int, List<object>>();
        var input = new CodedInputStream(binary);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = message.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null)
            {
                input.SkipLastField();
                continue;
            }
            if (!values.TryGetValue(field.FieldNumber, out var list)) values[field.FieldNumber] = list = [];
            if (field.IsRepeated && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited && IsPackable(field.FieldType))
            {
                var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
                while (!packed.IsAtEnd) list.Add(ReadScalar(field, packed));
            }
            else if (field.IsRepeated || field.IsMap)
            {
                list.Add(ReadScalar(field, input));
            }
            else
            {
                list.Clear(); // the last value of a singular field wins
                list.Add(ReadScalar(field, input));
            }
        }

        writer.WriteStartObject();
        foreach (var (number, list) in values)
        {
            var field = message.FindFieldByNumber(number);
            writer.WritePropertyName(field.JsonName);
            if (field.IsMap)
            {
                writer.WriteStartObject();
                var keyField = field.MessageType.FindFieldByNumber(1);
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (byte[] entry in list)
                {
                    var entryInput = new CodedInputStream(entry);
                    object? key = null, value = null;
                    uint entryTag;
                    while ((entryTag = entryInput.ReadTag()) != 0)
                    {
                        switch (WireFormat.GetTagFieldNumber(entryTag))
                        {
                            case 1: key = ReadScalar(keyField, entryInput); break;
                            case 2: value = ReadScalar(valueField, entryInput); break;
                            default: entryInput.SkipLastField(); break;
                        }
                    }
                    writer.WritePropertyName((key ?? Default(keyField)) switch
                    {
                        bool flag => flag ? "true" : "false",
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
                    });
                    WriteJsonValue(valueField, value ?? Default(valueField), writer);
                }
                writer.WriteEndObject();
            }
            else if (field.IsRepeated)
            {
                writer.WriteStartArray();
                foreach (var value in list) WriteJsonValue(field, value, writer);
                writer.WriteEndArray();
            }
            else
            {
                WriteJsonValue(field, list[^1], writer);
            }
        }
        writer.WriteEndObject();
    }

    private static bool IsPackable(FieldType type) => type is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    /// <summary>A value as read from the wire; messages (and map entries) stay bytes until written.</summary>
    private static object ReadScalar(FieldDescriptor field, CodedInputStream input) => field.FieldType switch
    {
        FieldType.Double => input.ReadDouble(),
        FieldType.Float => input.ReadFloat(),
        FieldType.Int64 => input.ReadInt64(),
        FieldType.UInt64 => input.ReadUInt64(),
        FieldType.SInt64 => input.ReadSInt64(),
        FieldType.Fixed64 => input.ReadFixed64(),
        FieldType.SFixed64 => input.ReadSFixed64(),
        FieldType.Int32 => input.ReadInt32(),
        FieldType.UInt32 => input.ReadUInt32(),
        FieldType.SInt32 => input.ReadSInt32(),
        FieldType.Fixed32 => input.ReadFixed32(),
        FieldType.SFixed32 => input.ReadSFixed32(),
        FieldType.Bool => input.ReadBool(),
        FieldType.String => input.ReadString(),
        FieldType.Bytes => input.ReadBytes(),
        FieldType.Enum => input.ReadEnum(),
        FieldType.Message => input.ReadBytes().ToByteArray(),
        _ => throw new NotSupportedException($"fields of type {field.FieldType} are not supported"),
    };

    private static object Default(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => "",
        FieldType.Bool => false,
        FieldType.Bytes => ByteString.Empty,
        FieldType.Message => Array.Empty<byte>(),
        FieldType.Double or FieldType.Float => 0.0,
        _ => 0,
    };

    private static void WriteJsonValue(FieldDescriptor field, object value, Utf8JsonWriter writer)
    {
        switch (value)
        {
            case byte[] nested: Decode(field.MessageType, nested, writer); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case ByteString bytes: writer.WriteStringValue(bytes.ToBase64()); break;
            case long or ulong: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case int number when field.FieldType == FieldType.Enum:
                if (field.EnumType.FindValueByNumber(number) is { } known) writer.WriteStringValue(known.Name);
                else writer.WriteNumberValue(number);
                break;
            case int number: writer.WriteNumberValue(number); break;
            case uint number: writer.WriteNumberValue(number); break;
            case double number when double.IsFinite(number): writer.WriteNumberValue(number); break;
            case float number when float.IsFinite(number): writer.WriteNumberValue(number); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture) switch { "∞" => "Infinity", "-∞" => "-Infinity", var s => s }); break;
        }
    }
}

/// <summary>A JSON value that does not fit its field, with the field's path in the message.</summary>
public sealed class DescriptorJsonFormatException(string message) : FormatException(message);
