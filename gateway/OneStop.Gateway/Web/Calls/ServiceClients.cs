using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// The generated gRPC clients the pages use. One long-lived channel per service (channels own the connection pool).
/// Entity lookups of the directory go through <see cref="DirectoryClient"/> (cached read path); searches and
/// region lists, which that path does not cache, go to the directory's own client on the same address.
/// </summary>
public sealed class ServiceClients : IDisposable
{
    private readonly GrpcChannel _appointments;
    private readonly GrpcChannel _directory;

    public ServiceClients(IOptions<WebFrontOptions> options, IOptions<DirectoryClientOptions> directory)
    {
        _appointments = GrpcChannel.ForAddress(options.Value.AppointmentsAddress);
        _directory = GrpcChannel.ForAddress(directory.Value.DirectoryAddress);
        Appointments = new AppointmentsService.AppointmentsServiceClient(_appointments);
        Directory = new DirectoryService.DirectoryServiceClient(_directory);
    }

    public AppointmentsService.AppointmentsServiceClient Appointments { get; }

    public DirectoryService.DirectoryServiceClient Directory { get; }

    public void Dispose()
    {
        _appointments.Dispose();
        _directory.Dispose();
    }
}
