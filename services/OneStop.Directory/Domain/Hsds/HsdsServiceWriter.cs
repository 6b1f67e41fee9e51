using System.Globalization;
using System.Text.Json;
using OneStop.Directory.V1;
using static OneStop.Directory.Domain.Hsds.HsdsWriter;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>Writes one service as an HSDS 3.1 service object with its nested records.</summary>
internal static class HsdsServiceWriter
{
    public static void Write(Utf8JsonWriter json, Service service)
    {
        json.WriteStartObject();
        json.WriteString("id", service.Id);
        String(json, "organization_id", service.OrganizationId);
        String(json, "name", service.Name);
        String(json, "alternate_name", service.AlternateName);
        String(json, "description", service.Description);
        String(json, "url", service.Url);
        String(json, "email", service.Email);
        if (StatusText(service.Status) is { } status)
        {
            json.WriteString("status", status);
        }
        String(json, "interpretation_services", service.InterpretationServices);
        String(json, "application_process", service.ApplicationProcess);
        String(json, "fees_description", service.FeesDescription);
        if (service.Eligibility is { } eligibility)
        {
            String(json, "eligibility_description", eligibility.Description);
            if (eligibility.HasMinimumAge)
            {
                json.WriteNumber("minimum_age", eligibility.MinimumAge);
            }
            if (eligibility.HasMaximumAge)
            {
                json.WriteNumber("maximum_age", eligibility.MaximumAge);
            }
        }
        Date(json, "assured_date", service.AssuredDate);
        String(json, "assurer_email", service.AssurerEmail);
        Timestamp(json, "last_modified", service.LastModified);
        Languages(json, "languages", service.Languages);
        WriteArray(json, "schedules", service.Schedules, HsdsScheduleWriter.Write);
        WriteArray(json, "service_areas", service.ServiceAreas, WriteServiceArea);
        WriteArray(json, "required_documents", service.RequiredDocuments, (j, d) =>
        {
            j.WriteStartObject();
            String(j, "document", d.Document);
            String(j, "uri", d.Uri);
            j.WriteEndObject();
        });
        WriteArray(json, "funding", service.Funding, WriteFunding);
        WriteArray(json, "contacts", service.Contacts, WriteContact);

        json.WriteStartObject(Extension);
        Enums(json, "topics", service.Topics);
        Enums(json, "target_groups", service.TargetGroups);
        Enums(json, "attending_types", service.AttendingTypes);
        if (service.Eligibility is { } profileEligibility)
        {
            // Present whenever the service has an eligibility record, so an import restores it even when empty.
            json.WriteStartObject("eligibility");
            Enum(json, "maximum_age_bound", profileEligibility.MaximumAgeBound);
            Enums(json, "residence_statuses", profileEligibility.ResidenceStatuses);
            json.WriteEndObject();
        }
        if (service.Capacity is { } capacity)
        {
            json.WriteStartObject("capacity");
            json.WriteNumber("available", capacity.Available);
            json.WriteNumber("maximum", capacity.Maximum);
            Timestamp(json, "updated", capacity.Updated);
            json.WriteEndObject();
        }
        Ownership(json, service.Ownership);
        Translations(json, service.Translations);
        String(json, "etag", service.Etag);
        json.WriteEndObject();

        json.WriteEndObject();
    }

    internal static string? StatusText(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        _ => null,
    };

    internal static void WriteArray<T>(Utf8JsonWriter json, string name, IReadOnlyCollection<T> items, Action<Utf8JsonWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(json, item);
        }
        json.WriteEndArray();
    }

    private static void WriteServiceArea(Utf8JsonWriter json, ServiceArea area)
    {
        json.WriteStartObject();
        String(json, "id", area.Id);
        String(json, "name", area.Name);
        json.WriteStartObject(Extension);
        Strings(json, "municipality_ags", area.MunicipalityAgs);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFunding(Utf8JsonWriter json, Funding funding)
    {
        json.WriteStartObject();
        String(json, "source", funding.Source);
        if (funding.EndsOn is not null)
        {
            json.WriteStartObject(Extension);
            Date(json, "ends_on", funding.EndsOn);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    // A personal name is exported only when it is meant to be shown: the export is for sharing with other systems.
    private static void WriteContact(Utf8JsonWriter json, Contact contact)
    {
        json.WriteStartObject();
        String(json, "id", contact.Id);
        if (contact.ShowName)
        {
            String(json, "name", contact.Name);
        }
        String(json, "title", contact.Function);
        String(json, "email", contact.Email);
        WriteArray(json, "phones", contact.Phones, WritePhone);
        if (contact.ShowName)
        {
            json.WriteStartObject(Extension);
            json.WriteBoolean("show_name", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WritePhone(Utf8JsonWriter json, Phone phone)
    {
        json.WriteStartObject();
        String(json, "number", phone.Number);
        // HSDS types extension as a number; an extension that is not a plain number (e.g. "0815", "12-3") stays text.
        if (phone.Extension.Length > 0)
        {
            if (phone.Extension[0] != '0' && long.TryParse(phone.Extension, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                json.WriteNumber("extension", number);
            }
            else
            {
                json.WriteString("extension", phone.Extension);
            }
        }
        String(json, "type", phone.Type);
        Languages(json, "languages", phone.Languages);
        json.WriteEndObject();
    }
}
