using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using OneStop.Grpc.Reflection;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace OneStop.Grpc.Tests.Reflection;

/// <summary>
/// Extension queries, on a proto2 file built in the test: the repo's protos declare no extensions, so the
/// handler is asked directly rather than through a host.
/// </summary>
public sealed class ReflectionExtensionTests
{
    private static readonly FileDescriptor File = BuildFile();
    private static readonly DescriptorIndex Index = new(["test.ext.Things"], [File.Services[0]]);

    [Theory]
    [InlineData("test.ext.Base", 100)]
    [InlineData(".test.ext.Base", 101)]
    public void File_containing_an_extension_is_the_file_declaring_it(string containingType, int number)
    {
        var response = Ask(new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = containingType, ExtensionNumber = number } });

        Assert.Equal("test/ext.proto", FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public void Unknown_extension_number_is_not_found()
    {
        var response = Ask(new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "test.ext.Base", ExtensionNumber = 150 } });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public void All_extension_numbers_include_file_level_and_nested_declarations()
    {
        var response = Ask(new ServerReflectionRequest { AllExtensionNumbersOfType = "test.ext.Base" });

        Assert.Equal("test.ext.Base", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Equal([100, 101], response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Theory]
    [InlineData("test.ext.top_level")]
    [InlineData("test.ext.Holder.nested")]
    [InlineData("test.ext.Things.Get")]
    public void Extensions_and_methods_are_symbols(string symbol)
    {
        var response = Ask(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
    }

    [Fact]
    public void A_request_naming_no_query_gets_an_error_answer()
    {
        var response = Ask(new ServerReflectionRequest { Host = "h" });

        Assert.Equal((int)StatusCode.Unimplemented, response.ErrorResponse.ErrorCode);
        Assert.Equal("h", response.ValidHost);
    }

    private static ServerReflectionResponse Ask(ServerReflectionRequest request) => ReflectionRequestHandler.Handle(request, Index);

    private static FileDescriptor BuildFile()
    {
        FieldDescriptorProto Extension(string name, int number) =>
            new() { Name = name, Number = number, Label = Label.Optional, Type = Type.Int32, Extendee = ".test.ext.Base" };

        var proto = new FileDescriptorProto
        {
            Name = "test/ext.proto",
            Package = "test.ext",
            Syntax = "proto2",
            MessageType =
            {
                new DescriptorProto { Name = "Base", ExtensionRange = { new DescriptorProto.Types.ExtensionRange { Start = 100, End = 200 } } },
                new DescriptorProto { Name = "Holder", Extension = { Extension("nested", 101) } },
            },
            Extension = { Extension("top_level", 100) },
            Service = { new ServiceDescriptorProto { Name = "Things", Method = { new MethodDescriptorProto { Name = "Get", InputType = ".test.ext.Base", OutputType = ".test.ext.Base" } } } },
        };
        return FileDescriptor.BuildFromByteStrings([proto.ToByteString()])[0];
    }
}
