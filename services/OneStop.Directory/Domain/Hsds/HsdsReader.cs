using OneStop.Directory.V1;

namespace OneStop.Directory.Domain.Hsds;

/// <summary>Reads organizations, locations and services-at-location, and the extension parts they share.</summary>
internal static class HsdsReader
{
    public static Organization ReadOrganization(HsdsNode node)
    {
        var profile = node.Extension();
        var organization = new Organization
        {
            Id = node.RequiredId(),
            Name = node.String("name"),
            AlternateName = node.String("alternate_name"),
            Description = node.String("description"),
            Email = node.String("email"),
            Website = node.String("website"),
            AgencyType = profile.Enum<AgencyType>("agency_type"),
            Ownership = ReadOwnership(profile),
            LastModified = profile.Timestamp("last_modified"),
            Etag = profile.String("etag"),
        };
        organization.Translations.Add(ReadTranslations(profile));
        return organization;
    }

    public static Location ReadLocation(HsdsNode node)
    {
        var profile = node.Extension();
        var location = new Location
        {
            Id = node.RequiredId(),
            OrganizationId = node.String("organization_id"),
            LocationType = node.String("location_type") switch
            {
                "" => LocationType.Unspecified,
                "physical" or "postal" => LocationType.Physical,
                "virtual" => LocationType.Virtual,
                var other => throw HsdsImportError.At($"{node.Path}.location_type", $"\"{other}\" is not one of physical, postal, virtual"),
            },
            Name = node.String("name"),
            Description = node.String("description"),
            Url = node.String("url"),
            Latitude = node.Double("latitude"),
            Longitude = node.Double("longitude"),
            Address = node.Objects("addresses").Select(a => new Address
            {
                Address1 = a.String("address_1"),
                PostalCode = a.String("postal_code"),
                City = a.String("city"),
                Country = a.String("country"),
                MunicipalityAgs = a.Extension().String("municipality_ags"),
            }).FirstOrDefault(),
            Accessibility = node.Objects("accessibility").Select(a =>
            {
                var flags = a.Extension();
                return new Accessibility
                {
                    Description = a.String("description"),
                    WheelchairAccessible = flags.Bool("wheelchair_accessible"),
                    StepFreeEntrance = flags.Bool("step_free_entrance"),
                    AccessibleToilet = flags.Bool("accessible_toilet"),
                    HearingLoop = flags.Bool("hearing_loop"),
                };
            }).FirstOrDefault(),
            Ownership = ReadOwnership(profile),
            LastModified = profile.Timestamp("last_modified"),
            Etag = profile.String("etag"),
        };
        location.Translations.Add(ReadTranslations(profile));
        return location;
    }

    public static ServiceAtLocation ReadServiceAtLocation(HsdsNode node)
    {
        var profile = node.Extension();
        return new ServiceAtLocation
        {
            Id = node.RequiredId(),
            ServiceId = node.String("service_id"),
            LocationId = node.String("location_id"),
            Description = node.String("description"),
            Ownership = ReadOwnership(profile),
            LastModified = profile.Timestamp("last_modified"),
            Etag = profile.String("etag"),
        };
    }

    public static Ownership? ReadOwnership(HsdsNode profile) =>
        profile.Child("ownership") is { } owner
            ? new Ownership { OrganizationId = owner.String("organization_id"), RegionAgs = owner.String("region_ags") }
            : null;

    public static IEnumerable<Translation> ReadTranslations(HsdsNode profile) =>
        profile.Objects("translations").Select(t =>
        {
            var language = t.String("language");
            return new Translation
            {
                Language = language.Length > 0 ? language : throw HsdsImportError.At($"{t.Path}.language", "is required"),
                Name = t.String("name"),
                Description = t.String("description"),
                ApplicationProcess = t.String("application_process"),
                TextDirection = t.Enum<TextDirection>("text_direction"),
            };
        });
}
