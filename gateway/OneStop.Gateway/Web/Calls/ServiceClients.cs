using OneStop.Appointments.V1;
using OneStop.Directory.Client;
using OneStop.Directory.V1;
using OneStop.Referrals.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// The generated gRPC clients the pages use, both made by grpc-dotnet's client factory (registered in
/// <c>AddWebFront</c>). Entity lookups of the directory go through <see cref="DirectoryClient"/> (cached read path);
/// searches and region lists, which that path does not cache, use <see cref="Directory"/> on the same address.
/// </summary>
public sealed class ServiceClients(AppointmentsService.AppointmentsServiceClient appointments, DirectoryService.DirectoryServiceClient directory,
    ReferralService.ReferralServiceClient referrals, ConsentService.ConsentServiceClient consents, PlanService.PlanServiceClient plans)
{
    /// <summary>Address of the appointments service; the directory's is the key <c>AddDirectoryClient</c> reads.</summary>
    public const string AppointmentsAddressKey = "OneStop:Services:Appointments";
    public const string DefaultAppointmentsAddress = "http://127.0.0.1:5102";

    /// <summary>Address of the referrals service (referrals, consent ledger and integration plan: three clients, one address).</summary>
    public const string ReferralsAddressKey = "OneStop:Services:Referrals";
    public const string DefaultReferralsAddress = "http://127.0.0.1:5105";

    /// <summary>Deadline of a page's call that names none itself.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    public AppointmentsService.AppointmentsServiceClient Appointments { get; } = appointments;

    public DirectoryService.DirectoryServiceClient Directory { get; } = directory;

    public ReferralService.ReferralServiceClient Referrals { get; } = referrals;

    public ConsentService.ConsentServiceClient Consents { get; } = consents;

    public PlanService.PlanServiceClient Plans { get; } = plans;
}
