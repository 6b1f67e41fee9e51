using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>Reads one HSDS service object (with its nested records and x_onestop) into a <see cref="Service"/>.</summary>
internal static class HsdsServiceReader
{
    public static Service Read(HsdsNode node)
    {
        var profile = node.Extension();
        var service = new Service
        {
            Id = node.RequiredId(),
            OrganizationId = node.String("organization_id"),
            Name = node.String("name"),
            AlternateName = node.String("alternate_name"),
            Description = node.String("description"),
            Url = node.String("url"),
            Email = node.String("email"),
            Status = ReadStatus(node),
            InterpretationServices = node.String("interpretation_services"),
            ApplicationProcess = node.String("application_process"),
            FeesDescription = node.String("fees_description"),
            AssuredDate = node.Date("assured_date"),
            AssurerEmail = node.String("assurer_email"),
            LastModified = node.Timestamp("last_modified"),
            Eligibility = ReadEligibility(node, profile),
            Capacity = profile.Child("capacity") is { } capacity
                ? new Capacity { Available = capacity.Int("available") ?? 0, Maximum = capacity.Int("maximum") ?? 0, Updated = capacity.Timestamp("updated") }
                : null,
            Ownership = HsdsReader.ReadOwnership(profile),
            Etag = profile.String("etag"),
        };
        service.Languages.Add(node.LanguageCodes("languages"));
        service.Schedules.Add(node.Objects("schedules").Select(HsdsScheduleReader.Read));
        service.ServiceAreas.Add(node.Objects("service_areas").Select(area =>
        {
            var result = new ServiceArea { Id = area.String("id"), Name = area.String("name") };
            result.MunicipalityAgs.Add(area.Extension().Strings("municipality_ags").Select(s => s.Value));
            return result;
        }));
        service.RequiredDocuments.Add(node.Objects("required_documents").Select(d => new RequiredDocument { Document = d.String("document"), Uri = d.String("uri") }));
        service.Funding.Add(node.Objects("funding").Select(f => new Funding { Source = f.String("source"), EndsOn = f.Extension().Date("ends_on") }));
        service.Contacts.Add(node.Objects("contacts").Select(ReadContact));
        service.Topics.Add(profile.Enums<Topic>("topics"));
        service.TargetGroups.Add(profile.Enums<TargetGroup>("target_groups"));
        service.AttendingTypes.Add(profile.Enums<AttendingType>("attending_types"));
        service.Translations.Add(HsdsReader.ReadTranslations(profile));
        return service;
    }

    private static ServiceStatus ReadStatus(HsdsNode node)
    {
        var text = node.String("status");
        return text switch
        {
            "" => ServiceStatus.Unspecified,
            "active" => ServiceStatus.Active,
            "inactive" => ServiceStatus.Inactive,
            "defunct" => ServiceStatus.Defunct,
            "temporarily closed" => ServiceStatus.TemporarilyClosed,
            _ => throw HsdsImportError.At($"{node.Path}.status", $"\"{text}\" is not one of active, inactive, defunct, temporarily closed"),
        };
    }

    // An eligibility record exists when HSDS has any of its fields or our extension says there was one.
    private static Eligibility? ReadEligibility(HsdsNode node, HsdsNode profile)
    {
        var extension = profile.Child("eligibility");
        var minimum = node.Int("minimum_age");
        var maximum = node.Int("maximum_age");
        var description = node.String("eligibility_description");
        if (extension is null && minimum is null && maximum is null && description.Length == 0)
        {
            return null;
        }
        var eligibility = new Eligibility { Description = description };
        if (minimum is { } min)
        {
            eligibility.MinimumAge = min;
        }
        if (maximum is { } max)
        {
            eligibility.MaximumAge = max;
        }
        if (extension is { } ext)
        {
            eligibility.MaximumAgeBound = ext.Enum<AgeBound>("maximum_age_bound");
            eligibility.ResidenceStatuses.Add(ext.Enums<ResidenceStatus>("residence_statuses"));
        }
        return eligibility;
    }

    private static Contact ReadContact(HsdsNode node)
    {
        var contact = new Contact
        {
            Id = node.String("id"),
            Name = node.String("name"),
            Function = node.String("title"),
            Email = node.String("email"),
            ShowName = node.Extension().Bool("show_name"),
        };
        if (contact.Function.Length == 0)
        {
            contact.Function = node.String("department"); // plain HSDS data may say department instead of title
        }
        contact.Phones.Add(node.Objects("phones").Select(p =>
        {
            var phone = new Phone { Number = p.String("number"), Extension = p.StringOrNumber("extension"), Type = p.String("type") };
            phone.Languages.Add(p.LanguageCodes("languages"));
            return phone;
        }));
        return contact;
    }
}
