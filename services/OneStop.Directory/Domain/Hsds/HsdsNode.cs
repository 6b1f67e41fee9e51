using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// A JSON object being imported together with its JSON path ("$.services[3]"), so that every complaint names the
/// exact place. Missing and null fields read as empty; a field of the wrong kind is INVALID_ARGUMENT.
/// </summary>
internal readonly struct HsdsNode(JsonElement element, string path)
{
    public string Path { get; } = path;

    public static HsdsNode Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? new HsdsNode(element, path) : throw HsdsImportError.At(path, "must be an object");

    public string RequiredId()
    {
        var id = String("id");
        return id.Length > 0 ? id : throw HsdsImportError.At($"{Path}.id", "is required");
    }

    public string String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return "";
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw HsdsImportError.At($"{Path}.{name}", "must be a string");
    }

    /// <summary>A string that HSDS may also write as a number (phone extension).</summary>
    public string StringOrNumber(string name)
    {
        if (!TryGet(name, out var value))
        {
            return "";
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw HsdsImportError.At($"{Path}.{name}", "must be a string or a number"),
        };
    }

    public int? Int(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw HsdsImportError.At($"{Path}.{name}", "must be a whole number");
    }

    public double Double(string name)
    {
        if (!TryGet(name, out var value))
        {
            return 0;
        }
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw HsdsImportError.At($"{Path}.{name}", "must be a number");
    }

    public bool Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return false;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw HsdsImportError.At($"{Path}.{name}", "must be true or false"),
        };
    }

    public Date? Date(string name)
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return null;
        }
        return HsdsValues.ParseDate(text) ?? throw HsdsImportError.At($"{Path}.{name}", "must be a date YYYY-MM-DD");
    }

    public Timestamp? Timestamp(string name)
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return null;
        }
        return HsdsValues.ParseTimestamp(text) ?? throw HsdsImportError.At($"{Path}.{name}", "must be an RFC 3339 date-time");
    }

    public TEnum Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return default;
        }
        return HsdsValues.ParseEnum<TEnum>(text) ?? throw HsdsImportError.At($"{Path}.{name}", $"\"{text}\" is not a known value");
    }

    public IEnumerable<TEnum> Enums<TEnum>(string name) where TEnum : struct, System.Enum
    {
        foreach (var (text, path) in Strings(name))
        {
            yield return HsdsValues.ParseEnum<TEnum>(text) ?? throw HsdsImportError.At(path, $"\"{text}\" is not a known value");
        }
    }

    public IEnumerable<(string Value, string Path)> Strings(string name)
    {
        var index = 0;
        foreach (var item in Array(name))
        {
            var itemPath = $"{Path}.{name}[{index++}]";
            yield return item.ValueKind == JsonValueKind.String ? (item.GetString()!, itemPath) : throw HsdsImportError.At(itemPath, "must be a string");
        }
    }

    public IEnumerable<HsdsNode> Objects(string name)
    {
        var index = 0;
        foreach (var item in Array(name))
        {
            yield return Object(item, $"{Path}.{name}[{index++}]");
        }
    }

    /// <summary>HSDS language objects; only their code is kept.</summary>
    public IEnumerable<string> LanguageCodes(string name) => Objects(name).Select(language =>
    {
        var code = language.String("code");
        return code.Length > 0 ? code : throw HsdsImportError.At($"{language.Path}.code", "is required");
    });

    public HsdsNode? Child(string name) => TryGet(name, out var value) ? Object(value, $"{Path}.{name}") : null;

    /// <summary>The x_onestop extension object, or an empty one.</summary>
    public HsdsNode Extension() => Child(HsdsWriter.Extension) ?? new HsdsNode(default, $"{Path}.{HsdsWriter.Extension}");

    public bool Has(string name) => TryGet(name, out _);

    private IEnumerable<JsonElement> Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw HsdsImportError.At($"{Path}.{name}", "must be an array");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }
}
