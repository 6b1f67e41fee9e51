using Grpc.Core;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>Builds the INVALID_ARGUMENT an import fails with, naming the JSON path of the bad value.</summary>
internal static class HsdsImportError
{
    public static RpcException At(string path, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"HSDS import: {path}: {problem}"));
}
