using Grpc.Core;
using OneStop.Grpc.Protocol;

namespace OneStop.Grpc.Tests.Protocol;

public class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased_and_lookups_take_the_last_value()
    {
        var metadata = new Metadata { { "X-Trace", "a" }, { "x-trace", "b" } };
        Assert.Equal("x-trace", metadata[0].Key);
        Assert.Equal("b", metadata.GetValue("X-TRACE"));
        Assert.Equal(new[] { "a", "b" }, metadata.GetAll("x-trace").Select(e => e.Value));
    }

    [Fact]
    public void Binary_entries_need_the_bin_suffix_and_string_entries_must_not_have_it()
    {
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("key-bin", "text"));
        Assert.Throws<ArgumentException>(() => new Metadata.Entry("key", new byte[] { 1 }));
        var entry = new Metadata.Entry("key-bin", new byte[] { 1, 2 });
        Assert.True(entry.IsBinary);
        Assert.Equal(new byte[] { 1, 2 }, entry.ValueBytes);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("ümlaut")]
    [InlineData("")]
    [InlineData("a:b")]
    public void Invalid_keys_are_rejected(string key) => Assert.Throws<ArgumentException>(() => new Metadata.Entry(key, "v"));

    [Fact]
    public void Non_ascii_string_values_are_rejected() => Assert.Throws<ArgumentException>(() => new Metadata.Entry("k", "caf\u00e9"));

    [Fact]
    public void Empty_is_read_only() => Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("a", "b"));

    [Fact]
    public void Binary_values_are_sent_unpadded_and_read_padded_or_not()
    {
        var bytes = new byte[] { 0xFF, 0x00, 0xAB, 0xCD };
        var text = MetadataHeaders.EncodeBinary(bytes);
        Assert.DoesNotContain("=", text);
        Assert.True(MetadataHeaders.TryDecodeBinary(text, out var unpadded));
        Assert.True(MetadataHeaders.TryDecodeBinary(Convert.ToBase64String(bytes), out var padded));
        Assert.Equal(bytes, unpadded);
        Assert.Equal(bytes, padded);
    }

    [Fact]
    public void A_received_binary_header_may_hold_several_comma_joined_values()
    {
        var metadata = new Metadata();
        Assert.True(MetadataHeaders.TryAdd(metadata, "x-bin", "AQI,AwQ="));
        Assert.Equal(new[] { new byte[] { 1, 2 }, new byte[] { 3, 4 } }, metadata.GetAll("x-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public void Malformed_base64_is_reported_and_reserved_headers_are_skipped()
    {
        var metadata = new Metadata();
        Assert.False(MetadataHeaders.TryAdd(metadata, "x-bin", "!!!"));
        Assert.True(MetadataHeaders.TryAdd(metadata, "grpc-timeout", "1S"));
        Assert.True(MetadataHeaders.TryAdd(metadata, ":path", "/a/b"));
        Assert.True(MetadataHeaders.TryAdd(metadata, "content-type", "application/grpc"));
        Assert.Empty(metadata);
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc;charset=utf-8", true)]
    [InlineData("application/GRPC", true)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Content_type_check(string? contentType, bool expected) => Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(418, StatusCode.Unknown)]
    public void Http_status_maps_to_the_specified_grpc_status(int http, StatusCode expected) => Assert.Equal(expected, HttpStatusMapping.ToStatusCode(http));
}
