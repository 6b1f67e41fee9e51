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
    /// <summary>Address of the appointments service; the directory's is the key <c>AddDirectoryClient</c> reads.</summary>
    public const string AppointmentsAddressKey = "OneStop:Services:Appointments";
    public const string DefaultAppointmentsAddress = "http://127.0.0.1:5102";

    private readonly GrpcChannel _appointments;
    private readonly GrpcChannel _directory;

    public ServiceClients(IConfiguration configuration, IOptions<DirectoryClientOptions> directory)
    {
        _appointments = GrpcChannel.ForAddress(configuration[AppointmentsAddressKey] is { Length: > 0 } address ? address : DefaultAppointmentsAddress);
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
