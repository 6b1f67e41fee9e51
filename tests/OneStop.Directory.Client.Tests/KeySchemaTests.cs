namespace OneStop.Directory.Client.Tests;

/// <summary>The key schema and invalidation format other services (and other languages) rely on.</summary>
public sealed class KeySchemaTests
{
    [Fact]
    public void Keys_carry_the_schema_version()
    {
        Assert.Equal("v1", DirectoryKeys.SchemaVersion);
        Assert.Equal("onestop:directory:v1:service:s-1", DirectoryKeys.Service("s-1"));
        Assert.Equal("onestop:directory:v1:organization:o-1", DirectoryKeys.Organization("o-1"));
        Assert.Equal("onestop:directory:v1:location:l-1", DirectoryKeys.Location("l-1"));
        Assert.Equal("onestop:directory:v1:version", DirectoryKeys.Version);
        Assert.Equal("onestop:directory:v1:built", DirectoryKeys.Built);
        Assert.Equal("onestop:directory:v1:invalidations", DirectoryKeys.InvalidationChannel);
    }

    [Fact]
    public void Invalidations_round_trip_as_version_entity_id()
    {
        Assert.Equal("42 service s-1", new DirectoryInvalidation(42, "service", "s-1").Format());
        Assert.Equal("7 * *", DirectoryInvalidation.All(7).Format());

        Assert.True(DirectoryInvalidation.TryParse("42 location l 1", out var parsed));
        Assert.Equal(new DirectoryInvalidation(42, "location", "l 1"), parsed);
        Assert.True(DirectoryInvalidation.TryParse("7 * *", out var all));
        Assert.True(all.IsAll);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("42 service")]
    [InlineData("42 service ")]
    [InlineData("x service s1")]
    [InlineData("-1 service s1")]
    [InlineData(" service s1")]
    public void Malformed_invalidations_are_rejected(string? payload) =>
        Assert.False(DirectoryInvalidation.TryParse(payload, out _));
}
