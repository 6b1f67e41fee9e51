using OneStop.Directory.Client;
using OneStop.Referrals.Domain;

namespace OneStop.Referrals.Application;

/// <summary>A receiving directory service's organization, checked to belong to the caller's region.</summary>
public sealed class ReceiverDirectory(DirectoryClient directory)
{
    public async Task<string> OrganizationOfAsync(string serviceId, string regionAgs, CancellationToken ct)
    {
        var service = await directory.GetServiceAsync(serviceId, ct)
            ?? throw DomainException.InvalidArgument("receiver_service_id", $"no directory service \"{serviceId}\"");
        // A service's owning region is its Kreis (5 digits) or one of the Kreis's Gemeinden (8 digits, same prefix).
        var owner = service.Ownership?.RegionAgs ?? "";
        if (owner.Length > 0 && !owner.StartsWith(regionAgs, StringComparison.Ordinal))
            throw DomainException.InvalidArgument("receiver_service_id", $"directory service \"{serviceId}\" is not in your region");
        if (service.OrganizationId.Length == 0)
            throw DomainException.InvalidArgument("receiver_service_id", $"directory service \"{serviceId}\" names no organization");
        return service.OrganizationId;
    }
}
