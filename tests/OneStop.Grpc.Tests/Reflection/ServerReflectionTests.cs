using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace OneStop.Grpc.Tests.Reflection;

/// <summary>Server reflection over a real Kestrel, asked through both grpc.reflection.v1alpha and grpc.reflection.v1.</summary>
public sealed class ServerReflectionTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));

    private CancellationToken Timeout => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    public static TheoryData<string> Paths => new() { ReflectionTestHost.V1AlphaPath, ReflectionTestHost.V1Path };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Lists_every_mapped_service_including_itself(string path)
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var response = (await host.AskAsync(path, Timeout, new ServerReflectionRequest { ListServices = "*" })).Single();

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, response.MessageResponseCase);
        Assert.Equal(
            new[] { "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService" },
            response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Service_symbol_gives_its_file_first_then_its_imports(string path)
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var response = (await host.AskAsync(path, Timeout, new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.TestService" })).Single();

        var files = Parse(response);
        Assert.Equal("grpc/testing/test.proto", files[0].Name);
        Assert.Equal(["grpc/testing/empty.proto", "grpc/testing/messages.proto"], files.Skip(1).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains(files[0].Service, s => s.Name == "TestService");
        AssertBuildsTogether(response);
    }

    [Theory]
    [InlineData("grpc.testing.SimpleRequest", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.SimpleRequest.response_size", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.PayloadType", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.COMPRESSABLE", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.TestService.UnaryCall", "grpc/testing/test.proto")]
    [InlineData(".grpc.testing.Empty", "grpc/testing/empty.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.SERVING", "grpc/health/v1/health.proto")]
    [InlineData("grpc.health.v1.HealthListResponse.StatusesEntry", "grpc/health/v1/health.proto")]
    [InlineData("grpc.reflection.v1.ServerReflectionRequest.message_request", "grpc/reflection/v1/reflection.proto")]
    public async Task Any_symbol_gives_the_file_that_declares_it(string symbol, string file)
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var response = (await host.AskAsync(ReflectionTestHost.V1Path, Timeout, new ServerReflectionRequest { FileContainingSymbol = symbol })).Single();

        Assert.Equal(file, Parse(response)[0].Name);
        AssertBuildsTogether(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task File_by_name_includes_its_imports(string path)
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var response = (await host.AskAsync(path, Timeout, new ServerReflectionRequest { FileByFilename = "grpc/testing/test.proto" })).Single();

        var files = Parse(response);
        Assert.Equal(["grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto"], files.Select(f => f.Name).Take(1).Concat(files.Skip(1).Select(f => f.Name).Order(StringComparer.Ordinal)));
        Assert.Equal(files.Count, files.Select(f => f.Name).Distinct().Count());
        AssertBuildsTogether(response);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Not_found_is_an_answer_and_the_stream_goes_on(string path)
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var responses = await host.AskAsync(path, Timeout,
            new ServerReflectionRequest { Host = "example.test", FileContainingSymbol = "no.such.Symbol" },
            new ServerReflectionRequest { FileByFilename = "no/such/file.proto" },
            new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.Empty" });

        Assert.Equal((int)StatusCode.NotFound, responses[0].ErrorResponse.ErrorCode);
        Assert.Contains("no.such.Symbol", responses[0].ErrorResponse.ErrorMessage);
        Assert.Equal("example.test", responses[0].ValidHost);
        Assert.Equal("no.such.Symbol", responses[0].OriginalRequest.FileContainingSymbol);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal("no/such/file.proto", responses[1].OriginalRequest.FileByFilename);
        Assert.Equal("grpc/testing/empty.proto", Parse(responses[2])[0].Name);
    }

    [Fact]
    public async Task Extensions_of_a_known_type_are_listed_and_unknown_ones_are_not_found()
    {
        await using var host = await ReflectionTestHost.StartAsync();

        var responses = await host.AskAsync(ReflectionTestHost.V1AlphaPath, Timeout,
            new ServerReflectionRequest { AllExtensionNumbersOfType = "grpc.testing.SimpleRequest" },
            new ServerReflectionRequest { AllExtensionNumbersOfType = "no.such.Type" },
            new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "grpc.testing.SimpleRequest", ExtensionNumber = 100 } });

        Assert.Equal("grpc.testing.SimpleRequest", responses[0].AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(responses[0].AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal((int)StatusCode.NotFound, responses[1].ErrorResponse.ErrorCode);
        Assert.Equal((int)StatusCode.NotFound, responses[2].ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task The_v1_service_speaks_v1_messages()
    {
        await using var host = await ReflectionTestHost.StartAsync();
        await using var call = host.Client.Start(ReflectionTestHost.V1Path, Timeout);

        await call.SendAsync(new V1.ServerReflectionRequest { Host = "h", FileContainingSymbol = "grpc.testing.Empty" });
        var response = await call.ReadAsync(V1.ServerReflectionResponse.Parser, Timeout);
        call.CompleteRequests();

        Assert.NotNull(response);
        Assert.Equal("h", response.ValidHost);
        Assert.Equal("grpc.testing.Empty", response.OriginalRequest.FileContainingSymbol);
        Assert.Equal("grpc/testing/empty.proto", FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.Null(await call.ReadAsync(V1.ServerReflectionResponse.Parser, Timeout));
        Assert.Equal((int)StatusCode.OK, (await call.GetStatusAsync()).Status);
    }

    private static List<FileDescriptorProto> Parse(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
    }

    /// <summary>A client must be able to build the answer's first file from the answer alone.</summary>
    private static void AssertBuildsTogether(ServerReflectionResponse response)
    {
        var protos = Parse(response);
        // BuildFromByteStrings wants every import before its importer; sort the answer that way (bounded:
        // each pass places at least one file, or the answer is missing an import).
        var ordered = new List<FileDescriptorProto>();
        var remaining = protos.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(p => p.Dependency.All(d => ordered.Any(o => o.Name == d))).ToList();
            Assert.True(ready.Count > 0, $"Imports missing from the answer: {string.Join(", ", remaining.SelectMany(p => p.Dependency).Distinct())}");
            ordered.AddRange(ready);
            remaining.RemoveAll(ready.Contains);
        }
        var built = FileDescriptor.BuildFromByteStrings(ordered.Select(p => p.ToByteString()));
        Assert.Contains(built, f => f.Name == protos[0].Name);
    }
}
