using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using Grpc.Core;

namespace OneStop.Directory.Domain.Search;

/// <summary>
/// The opaque next_page_token: the (name, id) of the last service on the page plus a fingerprint of the filters.
/// Resuming after a key rather than an offset keeps pages stable when services are added or removed between calls,
/// and the fingerprint stops a token from being replayed with other filters (which would skip or repeat results).
/// Layout before base64url: version byte, 8-byte fingerprint, then name and id as length-prefixed UTF-8.
/// </summary>
internal readonly record struct PageToken(ulong FilterFingerprint, string LastName, string LastId)
{
    private const byte Version = 1;

    public string Encode()
    {
        var name = Encoding.UTF8.GetBytes(LastName);
        var id = Encoding.UTF8.GetBytes(LastId);
        var bytes = new byte[1 + 8 + 4 + name.Length + 4 + id.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), FilterFingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(9), name.Length);
        name.CopyTo(bytes, 13);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(13 + name.Length), id.Length);
        id.CopyTo(bytes, 17 + name.Length);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a token; a token that is not one of ours is INVALID_ARGUMENT naming page_token.</summary>
    public static PageToken Decode(string token)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw Invalid("is not a token this service issued");
        }
        if (bytes.Length < 17 || bytes[0] != Version)
        {
            throw Invalid("is not a token this service issued");
        }
        var fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(1));
        var offset = 9;
        var name = ReadString(bytes, ref offset);
        var id = ReadString(bytes, ref offset);
        if (offset != bytes.Length)
        {
            throw Invalid("is not a token this service issued");
        }
        return new PageToken(fingerprint, name, id);
    }

    public static RpcException Invalid(string reason) =>
        new(new Status(StatusCode.InvalidArgument, "page_token " + reason));

    private static string ReadString(byte[] bytes, ref int offset)
    {
        if (bytes.Length - offset < 4)
        {
            throw Invalid("is not a token this service issued");
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
        offset += 4;
        if (length < 0 || length > bytes.Length - offset)
        {
            throw Invalid("is not a token this service issued");
        }
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes, offset, length);
            offset += length;
            return text;
        }
        catch (ArgumentException)
        {
            throw Invalid("is not a token this service issued");
        }
    }
}
