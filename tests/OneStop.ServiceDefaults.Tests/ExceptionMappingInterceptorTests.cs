using Grpc.Core;
using OneStop.ServiceDefaults.Grpc;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>A mapped error's detail repeats client values only cut and escaped, since grpc-dotnet logs it in full.</summary>
public sealed class ExceptionMappingInterceptorTests
{
    [Fact]
    public async Task A_detail_repeating_a_5000_character_id_with_control_characters_is_cut_and_escaped_keeping_the_status()
    {
        var id = new string('a', 5000) + "\n2026-12-07 forged line\u001b[31m";
        var interceptor = new NotFoundMapping();

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>("request", null!,
            (_, _) => throw new KeyNotFoundException($"appointment '{id}' does not exist.")));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("appointment 'aaaa", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length <= ExceptionMappingInterceptor.MaxDetailLength + 30, $"{error.Status.Detail.Length} characters");
        Assert.DoesNotContain('\n', error.Status.Detail);
        Assert.DoesNotContain('\u001b', error.Status.Detail);
    }

    [Fact]
    public async Task A_short_detail_is_passed_on_unchanged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new NotFoundMapping().UnaryServerHandler<string, string>("request", null!,
            (_, _) => throw new KeyNotFoundException("appointment 'appt-1' does not exist.")));

        Assert.Equal("appointment 'appt-1' does not exist.", error.Status.Detail);
    }

    private sealed class NotFoundMapping : ExceptionMappingInterceptor
    {
        protected override RpcException? ToRpc(Exception exception) =>
            exception is KeyNotFoundException ? new RpcException(new Status(StatusCode.NotFound, exception.Message)) : null;
    }
}
