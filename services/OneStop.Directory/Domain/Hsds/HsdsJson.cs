using System.Text.Encodings.Web;
using System.Text.Json;
using OneStop.Directory.V1;
using static OneStop.Directory.Domain.Hsds.HsdsWriter;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>
/// Converts the directory to and from Open Referral HSDS 3.1 JSON:
/// {"organizations": [...], "services": [...], "locations": [...], "service_at_locations": [...]}.
/// HSDS field names are used wherever HSDS has the concept; the German integration profile's additions sit in an
/// "x_onestop" object on the record they belong to (see PROFILE.md beside this file). Export then Import gives back
/// equal records, except that a contact's personal name is exported only when show_name is set.
/// </summary>
public static class HsdsJson
{
    // Umlauts and Arabic stay readable instead of \u escapes; the document is data, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Export(
        IEnumerable<Organization> organizations,
        IEnumerable<Service> services,
        IEnumerable<Location> locations,
        IEnumerable<ServiceAtLocation> servicesAtLocation)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(servicesAtLocation);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            WriteAll(json, "organizations", organizations, WriteOrganization);
            WriteAll(json, "services", services, HsdsServiceWriter.Write);
            WriteAll(json, "locations", locations, WriteLocation);
            WriteAll(json, "service_at_locations", servicesAtLocation, WriteServiceAtLocation);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads an HSDS document. Malformed JSON, a record without an id or a value of the wrong kind is
    /// INVALID_ARGUMENT naming the JSON path (e.g. "$.services[3].id"). Missing top-level arrays read as empty.
    /// </summary>
    public static HsdsDataset Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw HsdsImportError.At("$", $"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
        }
        using (document)
        {
            var root = HsdsNode.Object(document.RootElement, "$");
            return new HsdsDataset(
                root.Objects("organizations").Select(HsdsReader.ReadOrganization).ToList(),
                root.Objects("services").Select(HsdsServiceReader.Read).ToList(),
                root.Objects("locations").Select(HsdsReader.ReadLocation).ToList(),
                root.Objects("service_at_locations").Select(HsdsReader.ReadServiceAtLocation).ToList());
        }
    }

    private static void WriteAll<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(json, item);
        }
        json.WriteEndArray();
    }

    private static void WriteOrganization(Utf8JsonWriter json, Organization organization)
    {
        json.WriteStartObject();
        json.WriteString("id", organization.Id);
        String(json, "name", organization.Name);
        String(json, "alternate_name", organization.AlternateName);
        String(json, "description", organization.Description);
        String(json, "email", organization.Email);
        String(json, "website", organization.Website);
        json.WriteStartObject(Extension);
        Enum(json, "agency_type", organization.AgencyType);
        Ownership(json, organization.Ownership);
        Translations(json, organization.Translations);
        Timestamp(json, "last_modified", organization.LastModified);
        String(json, "etag", organization.Etag);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteStartObject();
        json.WriteString("id", location.Id);
        switch (location.LocationType)
        {
            case LocationType.Physical: json.WriteString("location_type", "physical"); break;
            case LocationType.Virtual: json.WriteString("location_type", "virtual"); break;
        }
        String(json, "url", location.Url);
        String(json, "organization_id", location.OrganizationId);
        String(json, "name", location.Name);
        String(json, "description", location.Description);
        if (location.Latitude != 0 || location.Longitude != 0)
        {
            json.WriteNumber("latitude", location.Latitude);
            json.WriteNumber("longitude", location.Longitude);
        }
        if (location.Address is { } address)
        {
            json.WriteStartArray("addresses");
            json.WriteStartObject();
            json.WriteString("address_1", address.Address1);
            json.WriteString("city", address.City);
            json.WriteString("postal_code", address.PostalCode);
            json.WriteString("country", address.Country);
            json.WriteString("address_type", "physical");
            json.WriteStartObject(Extension);
            String(json, "municipality_ags", address.MunicipalityAgs);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        if (location.Accessibility is { } accessibility)
        {
            json.WriteStartArray("accessibility");
            json.WriteStartObject();
            String(json, "description", accessibility.Description);
            json.WriteStartObject(Extension);
            json.WriteBoolean("wheelchair_accessible", accessibility.WheelchairAccessible);
            json.WriteBoolean("step_free_entrance", accessibility.StepFreeEntrance);
            json.WriteBoolean("accessible_toilet", accessibility.AccessibleToilet);
            json.WriteBoolean("hearing_loop", accessibility.HearingLoop);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartObject(Extension);
        Ownership(json, location.Ownership);
        Translations(json, location.Translations);
        Timestamp(json, "last_modified", location.LastModified);
        String(json, "etag", location.Etag);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteServiceAtLocation(Utf8JsonWriter json, ServiceAtLocation link)
    {
        json.WriteStartObject();
        json.WriteString("id", link.Id);
        String(json, "service_id", link.ServiceId);
        String(json, "location_id", link.LocationId);
        String(json, "description", link.Description);
        json.WriteStartObject(Extension);
        Ownership(json, link.Ownership);
        Timestamp(json, "last_modified", link.LastModified);
        String(json, "etag", link.Etag);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
