using System.Collections;
using System.Text;

namespace Grpc.Core;

/// <summary>
/// Call headers or trailers: an ordered list of key/value entries. Keys are lower-case ASCII;
/// keys ending in <c>-bin</c> carry binary values (base64 on the wire), all others printable ASCII.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary entry.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = new();
    private bool _readOnly;

    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    public Entry? Get(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized) return _entries[i];
        }
        return null;
    }

    /// <summary>The last string value under <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key)
    {
        var entry = Get(key);
        if (entry is null) return null;
        if (entry.IsBinary) throw new InvalidOperationException($"Entry '{entry.Key}' is binary; use GetValueBytes.");
        return entry.Value;
    }

    /// <summary>The last binary value under <paramref name="key"/>, or null.</summary>
    public byte[]? GetValueBytes(string key)
    {
        var entry = Get(key);
        if (entry is null) return null;
        if (!entry.IsBinary) throw new InvalidOperationException($"Entry '{entry.Key}' is not binary; use GetValue.");
        return entry.ValueBytes;
    }

    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        foreach (var entry in _entries)
        {
            if (entry.Key == normalized) yield return entry;
        }
    }

    public void Add(string key, string value) => Add(new Entry(key, value));
    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Add(item);
    }

    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckWritable();
            _entries[index] = value;
        }
    }

    public int Count => _entries.Count;
    public bool IsReadOnly => _readOnly;
    public int IndexOf(Entry item) => _entries.IndexOf(item);
    public void Insert(int index, Entry item) { ArgumentNullException.ThrowIfNull(item); CheckWritable(); _entries.Insert(index, item); }
    public void RemoveAt(int index) { CheckWritable(); _entries.RemoveAt(index); }
    public void Clear() { CheckWritable(); _entries.Clear(); }
    public bool Contains(Entry item) => _entries.Contains(item);
    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);
    public bool Remove(Entry item) { CheckWritable(); return _entries.Remove(item); }
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    private void CheckWritable()
    {
        if (_readOnly) throw new InvalidOperationException("Metadata is read-only.");
    }

    /// <summary>One metadata entry.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key)) throw new ArgumentException($"Key '{Key}' ends with '{BinaryHeaderSuffix}' and needs a binary value.", nameof(key));
            ArgumentNullException.ThrowIfNull(value);
            foreach (var c in value)
            {
                // Printable ASCII only: anything else cannot travel in an HTTP/2 header unencoded.
                if (c < 0x20 || c > 0x7E) throw new ArgumentException($"Value of '{Key}' contains a character outside printable ASCII.", nameof(value));
            }
            _value = value;
        }

        public Entry(string key, byte[] valueBytes)
        {
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key)) throw new ArgumentException($"Key '{Key}' must end with '{BinaryHeaderSuffix}' for a binary value.", nameof(key));
            ArgumentNullException.ThrowIfNull(valueBytes);
            _valueBytes = (byte[])valueBytes.Clone();
        }

        public string Key { get; }
        public bool IsBinary => _valueBytes is not null;

        public string Value => _value ?? throw new InvalidOperationException($"Entry '{Key}' is binary; use ValueBytes.");

        /// <summary>A copy of the value as bytes (ASCII for a string entry).</summary>
        public byte[] ValueBytes => _valueBytes is not null ? (byte[])_valueBytes.Clone() : Encoding.ASCII.GetBytes(_value!);

        internal ReadOnlySpan<byte> RawBytes => _valueBytes;

        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]"
            : $"[Entry: key={Key}, value={_value}]";

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        internal static string NormalizeKey(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (key.Length == 0) throw new ArgumentException("Metadata key must not be empty.", nameof(key));
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.';
                if (!ok) throw new ArgumentException($"Metadata key '{key}' contains '{c}'; allowed are a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
            return lower;
        }
    }
}
