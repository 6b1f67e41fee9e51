using System.Net;
using Microsoft.Extensions.Configuration;
using OneStop.ServiceDefaults.Tests.TestSupport;

namespace OneStop.ServiceDefaults.Tests;

public sealed class ListenAddressTests
{
    private static IConfiguration Settings(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [ListenAddress.Key] = value }).Build();

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("::", "::")]
    public void An_address_or_loopback_by_default(string? value, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), ListenAddress.Resolve(Settings(value)));

    [Theory]
    [InlineData("any")]
    [InlineData(" ANY ")]
    public void Any_means_every_interface(string value) => Assert.Null(ListenAddress.Resolve(Settings(value)));

    [Fact]
    public void Anything_else_fails_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenAddress.Resolve(Settings("0.0.0.0.0")));
        Assert.Contains(ListenAddress.Key, error.Message);
        Assert.Contains("0.0.0.0.0", error.Message);
    }

    [Fact]
    public async Task A_configured_address_is_the_one_the_host_binds()
    {
        await using var host = await DefaultsHost.StartAsync(settings: new Dictionary<string, string?> { [ListenAddress.Key] = "127.0.0.1" });
        Assert.StartsWith("http://127.0.0.1:", host.Address);
    }
}
