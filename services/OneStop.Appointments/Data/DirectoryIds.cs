using OneStop.Appointments.Domain;
using OneStop.Directory.Client;

namespace OneStop.Appointments.Data;

/// <summary>
/// Checks that directory ids named in a write exist, through the shared directory read path. Only ids are stored
/// here, never copies of directory data (issue: "directory ids only").
/// </summary>
public sealed class DirectoryIds(DirectoryClient directory)
{
    public async Task RequireOrganizationAsync(string id, string field, CancellationToken ct)
    {
        if (id.Length == 0) throw DomainException.InvalidArgument(field, "is required.");
        if (await directory.GetOrganizationAsync(id, ct) is null)
            throw DomainException.InvalidArgument(field, $"organization '{id}' is not in the directory.");
    }

    public async Task RequireLocationAsync(string id, string field, CancellationToken ct)
    {
        if (id.Length == 0) throw DomainException.InvalidArgument(field, "is required.");
        if (await directory.GetLocationAsync(id, ct) is null)
            throw DomainException.InvalidArgument(field, $"location '{id}' is not in the directory.");
    }
}
