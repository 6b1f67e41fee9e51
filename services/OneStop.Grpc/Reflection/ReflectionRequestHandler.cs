using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace OneStop.Grpc.Reflection;

/// <summary>
/// Answers one server reflection request. Written once against the v1alpha messages; v1 has the same wire
/// format and is translated to and from them.
/// </summary>
internal static class ReflectionRequestHandler
{
    public static ServerReflectionResponse Handle(ServerReflectionRequest request, DescriptorIndex index)
    {
        var response = request.MessageRequestCase switch
        {
            ServerReflectionRequest.MessageRequestOneofCase.ListServices => ListServices(index),
            ServerReflectionRequest.MessageRequestOneofCase.FileByFilename => FileByName(request.FileByFilename, index),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol => FileContainingSymbol(request.FileContainingSymbol, index),
            ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension => FileContainingExtension(request.FileContainingExtension, index),
            ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => AllExtensionNumbers(request.AllExtensionNumbersOfType, index),
            _ => Error(StatusCode.Unimplemented, "The request names no reflection query, or one this server does not know."),
        };
        response.ValidHost = request.Host;
        response.OriginalRequest = request.Clone();
        return response;
    }

    private static ServerReflectionResponse ListServices(DescriptorIndex index)
    {
        var list = new ListServiceResponse();
        list.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
        return new ServerReflectionResponse { ListServicesResponse = list };
    }

    private static ServerReflectionResponse FileByName(string fileName, DescriptorIndex index) =>
        index.FindFile(fileName) is { } file ? Files(file) : Error(StatusCode.NotFound, $"File not found: {fileName}");

    private static ServerReflectionResponse FileContainingSymbol(string symbol, DescriptorIndex index) =>
        index.FindFileContainingSymbol(symbol) is { } file ? Files(file) : Error(StatusCode.NotFound, $"Symbol not found: {symbol}");

    private static ServerReflectionResponse FileContainingExtension(ExtensionRequest request, DescriptorIndex index) =>
        index.FindExtension(request.ContainingType, request.ExtensionNumber) is { } extension
            ? Files(extension.File)
            : Error(StatusCode.NotFound, $"Extension not found: {request.ContainingType} field {request.ExtensionNumber}");

    /// <summary>A known message type without extensions gets an empty list; only an unknown type is NOT_FOUND.</summary>
    private static ServerReflectionResponse AllExtensionNumbers(string typeName, DescriptorIndex index)
    {
        if (index.FindMessage(typeName) is not { } message) return Error(StatusCode.NotFound, $"Type not found: {typeName}");
        var numbers = new ExtensionNumberResponse { BaseTypeName = message.FullName };
        numbers.ExtensionNumber.AddRange(index.ExtensionNumbersOf(message));
        return new ServerReflectionResponse { AllExtensionNumbersResponse = numbers };
    }

    private static ServerReflectionResponse Files(FileDescriptor file)
    {
        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(DescriptorIndex.WithDependencies(file).Select(f => f.SerializedData));
        return new ServerReflectionResponse { FileDescriptorResponse = files };
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };
}
