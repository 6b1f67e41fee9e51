using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.Directory.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// The generated gRPC clients the pages use, both made by grpc-dotnet's client factory (registered in
/// <c>AddWebFront</c>). Entity lookups of the directory go through <see cref="DirectoryClient"/> (cached read path);
/// searches and region lists, which that path does not cache, use <see cref="Directory"/> on the same address.
/// </summary>
public sealed class ServiceClients(AppointmentsService.AppointmentsServiceClient appointments, DirectoryService.DirectoryServiceClient directory)
{
    /// <summary>Address of the appointments service; the directory's is the key <c>AddDirectoryClient</c> reads.</summary>
    public const string AppointmentsAddressKey = "OneStop:Services:Appointments";
    public const string DefaultAppointmentsAddress = "http://127.0.0.1:5102";

    /// <summary>Deadline of a page's call that names none itself.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    public AppointmentsService.AppointmentsServiceClient Appointments { get; } = appointments;

    public DirectoryService.DirectoryServiceClient Directory { get; } = directory;
}
