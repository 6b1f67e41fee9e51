using Google.Protobuf.Reflection;

namespace OneStop.Grpc.Reflection;

/// <summary>
/// Everything server reflection can be asked about, precomputed from the served services' files and their
/// transitive imports: files by name, the file declaring each symbol, and extensions by extended type.
/// </summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Extendee, int Number), FieldDescriptor> _extensions = new();

    public DescriptorIndex(IEnumerable<string> serviceNames, IEnumerable<ServiceDescriptor> services)
    {
        ServiceNames = serviceNames.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var service in services) AddFile(service.File);
    }

    /// <summary>Every served service's full name, described or not.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFile(string fileName) => _files.GetValueOrDefault(fileName);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(TrimLeadingDot(symbol));

    public MessageDescriptor? FindMessage(string fullName) => _messages.GetValueOrDefault(TrimLeadingDot(fullName));

    public FieldDescriptor? FindExtension(string extendee, int number) => _extensions.GetValueOrDefault((TrimLeadingDot(extendee), number));

    public IEnumerable<int> ExtensionNumbersOf(MessageDescriptor message) =>
        _extensions.Keys.Where(k => k.Extendee == message.FullName).Select(k => k.Number).Order();

    /// <summary>
    /// The file first, then each transitive import once: a client can only build the file's descriptor once it
    /// has every file it imports, and it should not have to ask for them one round trip at a time.
    /// </summary>
    public static IReadOnlyList<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var result = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FileDescriptor>();
        pending.Enqueue(file);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name)) continue;
            result.Add(next);
            foreach (var dependency in next.Dependencies) pending.Enqueue(dependency);
        }
        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file)) return;
        foreach (var dependency in file.Dependencies) AddFile(dependency);

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods) AddSymbol(method.FullName, file);
        }
        foreach (var message in file.MessageTypes) AddMessage(message, file);
        foreach (var enumType in file.EnumTypes) AddEnum(enumType, file);
        foreach (var extension in file.Extensions.UnorderedExtensions) AddExtension(extension, file);
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        _messages.TryAdd(message.FullName, message);
        foreach (var field in message.Fields.InDeclarationOrder()) AddSymbol(field.FullName, file);
        foreach (var oneof in message.Oneofs) AddSymbol(oneof.FullName, file);
        foreach (var nested in message.NestedTypes) AddMessage(nested, file);
        foreach (var enumType in message.EnumTypes) AddEnum(enumType, file);
        foreach (var extension in message.Extensions.UnorderedExtensions) AddExtension(extension, file);
    }

    private void AddEnum(EnumDescriptor enumType, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);
        // Protobuf scopes enum values as siblings of their enum ("pkg.VALUE"), while Google.Protobuf names them
        // inside it ("pkg.Enum.VALUE"); clients may ask either way.
        var siblingScope = enumType.FullName[..Math.Max(0, enumType.FullName.LastIndexOf('.'))];
        foreach (var value in enumType.Values)
        {
            AddSymbol(enumType.FullName + "." + value.Name, file);
            AddSymbol(siblingScope.Length == 0 ? value.Name : siblingScope + "." + value.Name, file);
        }
    }

    private void AddExtension(FieldDescriptor extension, FileDescriptor file)
    {
        AddSymbol(extension.FullName, file);
        _extensions.TryAdd((extension.ExtendeeType.FullName, extension.FieldNumber), extension);
    }

    // The first declaration wins: a well-formed descriptor pool has no duplicate symbols anyway.
    private void AddSymbol(string fullName, FileDescriptor file) => _symbols.TryAdd(fullName, file);

    private static string TrimLeadingDot(string name) => name.StartsWith('.') ? name[1..] : name;
}
