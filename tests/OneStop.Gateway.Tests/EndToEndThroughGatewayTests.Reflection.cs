using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace OneStop.Gateway.Tests;

/// <summary>
/// Server reflection at the one entry point, asked with the generated reflection clients as grpcurl or Postman ask
/// it: the list names the routed services of every backend, and their descriptors come from the backend owning them.
/// </summary>
public sealed partial class EndToEndThroughGatewayTests
{
    [Fact]
    public async Task Reflection_through_the_gateway_lists_the_services_of_every_backend_and_the_gateways_own()
    {
        var answer = await AskV1Async(new V1.ServerReflectionRequest { ListServices = "" });

        var names = answer.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("onestop.directory.v1.DirectoryService", names);
        Assert.Contains("onestop.appointments.v1.AppointmentsService", names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Reflection_through_the_gateway_resolves_a_directory_symbol_with_every_file_it_needs()
    {
        var answer = await AskV1Async(new V1.ServerReflectionRequest { FileContainingSymbol = "onestop.directory.v1.DirectoryService.SearchServices" });

        var files = Build(answer.FileDescriptorResponse.FileDescriptorProto);
        var service = files.SelectMany(f => f.Services).Single(s => s.FullName == "onestop.directory.v1.DirectoryService");
        var search = service.FindMethodByName("SearchServices");
        Assert.Equal("onestop.directory.v1.SearchServicesRequest", search.InputType.FullName);
    }

    [Fact]
    public async Task Reflection_v1alpha_through_the_gateway_finds_an_appointments_file_by_name_and_the_gateways_own_symbols()
    {
        var appointments = await AskV1AlphaAsync(new V1Alpha.ServerReflectionRequest { FileByFilename = "onestop/appointments/v1/appointments.proto" });
        var health = await AskV1AlphaAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" });

        Assert.Contains(Build(appointments.FileDescriptorResponse.FileDescriptorProto).SelectMany(f => f.Services),
            s => s.FullName == "onestop.appointments.v1.AppointmentsService");
        Assert.Contains(Build(health.FileDescriptorResponse.FileDescriptorProto).SelectMany(f => f.Services), s => s.FullName == "grpc.health.v1.Health");
    }

    [Fact]
    public async Task Reflection_through_the_gateway_answers_NOT_FOUND_for_a_symbol_its_owner_does_not_know()
    {
        var answer = await AskV1Async(new V1.ServerReflectionRequest { FileContainingSymbol = "onestop.directory.v1.NoSuchService" });

        Assert.Equal((int)StatusCode.NotFound, answer.ErrorResponse.ErrorCode);
        Assert.Equal("onestop.directory.v1.NoSuchService", answer.OriginalRequest.FileContainingSymbol);
    }

    private async Task<V1.ServerReflectionResponse> AskV1Async(V1.ServerReflectionRequest request)
    {
        var client = new V1.ServerReflection.ServerReflectionClient(suite.Gateway.CallInvoker());
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "one answer per request");
        return call.ResponseStream.Current;
    }

    private async Task<V1Alpha.ServerReflectionResponse> AskV1AlphaAsync(V1Alpha.ServerReflectionRequest request)
    {
        var client = new V1Alpha.ServerReflection.ServerReflectionClient(suite.Gateway.CallInvoker());
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "one answer per request");
        return call.ResponseStream.Current;
    }

    /// <summary>Builds the returned files, which fails unless every dependency came with them.</summary>
    private static IReadOnlyList<FileDescriptor> Build(IEnumerable<ByteString> files)
    {
        var protos = files.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        return FileDescriptor.BuildFromByteStrings(DependenciesFirst(protos).Select(p => p.ToByteString()));
    }

    private static IEnumerable<FileDescriptorProto> DependenciesFirst(IReadOnlyList<FileDescriptorProto> protos)
    {
        var byName = protos.ToDictionary(p => p.Name);
        var done = new HashSet<string>();
        var ordered = new List<FileDescriptorProto>();
        void Visit(FileDescriptorProto proto)
        {
            if (!done.Add(proto.Name)) return;
            foreach (var dependency in proto.Dependency) Visit(byName[dependency]);
            ordered.Add(proto);
        }
        foreach (var proto in protos) Visit(proto);
        return ordered;
    }
}
