using OneStop.Directory.V1;
using static OneStop.Directory.Domain.Validation.FieldRules;

namespace OneStop.Directory.Domain.Validation;

/// <summary>
/// Checks an entry before anything is written. The field paths start at the request's field name
/// ("service.eligibility.maximum_age"), so the caller sees exactly what to fix. Whether referenced entries exist is
/// checked by the write itself, inside its transaction.
/// </summary>
public static class EntryValidator
{
    public static void Validate(Organization o, string f = "organization")
    {
        Id($"{f}.id", o.Id);
        Ownership($"{f}.ownership", o.Ownership);
        RequiredText($"{f}.name", o.Name, MaxName);
        Text($"{f}.alternate_name", o.AlternateName, MaxName);
        Text($"{f}.description", o.Description, MaxDescription);
        Text($"{f}.email", o.Email, MaxShortText);
        Text($"{f}.website", o.Website, MaxShortText);
        Defined($"{f}.agency_type", o.AgencyType);
        Translations($"{f}.translations", o.Translations);
    }

    public static void Validate(Service s, string f = "service")
    {
        Id($"{f}.id", s.Id);
        Id($"{f}.organization_id", s.OrganizationId);
        Ownership($"{f}.ownership", s.Ownership);
        RequiredText($"{f}.name", s.Name, MaxName);
        Text($"{f}.alternate_name", s.AlternateName, MaxName);
        Text($"{f}.description", s.Description, MaxDescription);
        Text($"{f}.url", s.Url, MaxShortText);
        Text($"{f}.email", s.Email, MaxShortText);
        Defined($"{f}.status", s.Status);
        AllDefined($"{f}.topics", s.Topics);
        AllDefined($"{f}.target_groups", s.TargetGroups);
        AllDefined($"{f}.attending_types", s.AttendingTypes);
        if (s.Eligibility is { } e) Validate(e, $"{f}.eligibility");
        for (var i = 0; i < s.Languages.Count; i++) Language($"{f}.languages[{i}]", s.Languages[i]);
        Text($"{f}.interpretation_services", s.InterpretationServices, MaxDescription);
        Text($"{f}.application_process", s.ApplicationProcess, MaxDescription);
        Text($"{f}.fees_description", s.FeesDescription, MaxDescription);
        for (var i = 0; i < s.RequiredDocuments.Count; i++)
        {
            Text($"{f}.required_documents[{i}].document", s.RequiredDocuments[i].Document, MaxName);
            Text($"{f}.required_documents[{i}].uri", s.RequiredDocuments[i].Uri, MaxShortText);
        }
        for (var i = 0; i < s.Funding.Count; i++)
        {
            Text($"{f}.funding[{i}].source", s.Funding[i].Source, MaxName);
            Date($"{f}.funding[{i}].ends_on", s.Funding[i].EndsOn);
        }
        if (s.Capacity is { } c)
        {
            Range($"{f}.capacity.available", c.Available, 0, int.MaxValue);
            Range($"{f}.capacity.maximum", c.Maximum, 0, int.MaxValue);
        }
        for (var i = 0; i < s.ServiceAreas.Count; i++) Validate(s.ServiceAreas[i], $"{f}.service_areas[{i}]");
        Translations($"{f}.translations", s.Translations);
        for (var i = 0; i < s.Schedules.Count; i++) Validate(s.Schedules[i], $"{f}.schedules[{i}]");
        for (var i = 0; i < s.Contacts.Count; i++) Validate(s.Contacts[i], $"{f}.contacts[{i}]");
        Date($"{f}.assured_date", s.AssuredDate);
        Text($"{f}.assurer_email", s.AssurerEmail, MaxShortText);
    }

    public static void Validate(Location l, string f = "location")
    {
        Id($"{f}.id", l.Id);
        OptionalId($"{f}.organization_id", l.OrganizationId);
        Ownership($"{f}.ownership", l.Ownership);
        Defined($"{f}.location_type", l.LocationType);
        Text($"{f}.name", l.Name, MaxName);
        Text($"{f}.description", l.Description, MaxDescription);
        Text($"{f}.url", l.Url, MaxShortText);
        if (l.Address is { } a)
        {
            Text($"{f}.address.address_1", a.Address1, MaxName);
            Text($"{f}.address.postal_code", a.PostalCode, 10);
            Text($"{f}.address.city", a.City, MaxName);
            if (a.MunicipalityAgs.Length > 0) Ags($"{f}.address.municipality_ags", a.MunicipalityAgs, 8, 5);
            Country($"{f}.address.country", a.Country);
        }
        if (double.IsNaN(l.Latitude) || l.Latitude is < -90 or > 90) throw new InvalidFieldException($"{f}.latitude", "must be between -90 and 90.");
        if (double.IsNaN(l.Longitude) || l.Longitude is < -180 or > 180) throw new InvalidFieldException($"{f}.longitude", "must be between -180 and 180.");
        if (l.Accessibility is { } acc) Text($"{f}.accessibility.description", acc.Description, MaxDescription);
        Translations($"{f}.translations", l.Translations);
    }

    public static void Validate(ServiceAtLocation s, string f = "service_at_location")
    {
        Id($"{f}.id", s.Id);
        Id($"{f}.service_id", s.ServiceId);
        Id($"{f}.location_id", s.LocationId);
        Ownership($"{f}.ownership", s.Ownership);
        Text($"{f}.description", s.Description, MaxDescription);
    }

    private static void Validate(Eligibility e, string f)
    {
        if (e.HasMinimumAge) Range($"{f}.minimum_age", e.MinimumAge, 0, 130);
        if (e.HasMaximumAge) Range($"{f}.maximum_age", e.MaximumAge, 0, 130);
        if (e.HasMinimumAge && e.HasMaximumAge && e.MinimumAge > e.MaximumAge)
        {
            throw new InvalidFieldException($"{f}.maximum_age", "is below minimum_age.");
        }
        Defined($"{f}.maximum_age_bound", e.MaximumAgeBound);
        AllDefined($"{f}.residence_statuses", e.ResidenceStatuses);
        Text($"{f}.description", e.Description, MaxDescription);
    }

    private static void Validate(ServiceArea area, string f)
    {
        OptionalId($"{f}.id", area.Id);
        Text($"{f}.name", area.Name, MaxName);
        for (var i = 0; i < area.MunicipalityAgs.Count; i++) Ags($"{f}.municipality_ags[{i}]", area.MunicipalityAgs[i], 8, 5);
    }

    private static void Validate(Schedule s, string f)
    {
        OptionalId($"{f}.id", s.Id);
        OptionalId($"{f}.location_id", s.LocationId);
        for (var i = 0; i < s.Weekly.Count; i++) Validate(s.Weekly[i], $"{f}.weekly[{i}]");
        for (var i = 0; i < s.Exceptions.Count; i++)
        {
            var x = s.Exceptions[i];
            var path = $"{f}.exceptions[{i}]";
            if (x.Date is null) throw new InvalidFieldException($"{path}.date", "is required.");
            Date($"{path}.date", x.Date);
            for (var j = 0; j < x.Hours.Count; j++) Validate(x.Hours[j], $"{path}.hours[{j}]");
            Text($"{path}.description", x.Description, MaxDescription);
        }
        Text($"{f}.booking_url", s.BookingUrl, MaxShortText);
        Date($"{f}.valid_from", s.ValidFrom);
        Date($"{f}.valid_to", s.ValidTo);
        Defined($"{f}.attending_type", s.AttendingType);
        Text($"{f}.notes", s.Notes, MaxDescription);
    }

    private static void Validate(OpeningHours h, string f)
    {
        Defined($"{f}.day", h.Day);
        if (h.Day == V1.DayOfWeek.Unspecified) throw new InvalidFieldException($"{f}.day", "is required.");
        TimeOfDay($"{f}.opens_at", h.OpensAt);
        TimeOfDay($"{f}.closes_at", h.ClosesAt);
        if (string.CompareOrdinal(h.OpensAt, h.ClosesAt) >= 0) throw new InvalidFieldException($"{f}.closes_at", "must be after opens_at.");
    }

    private static void Validate(Contact c, string f)
    {
        OptionalId($"{f}.id", c.Id);
        Text($"{f}.function", c.Function, MaxName);
        Text($"{f}.email", c.Email, MaxShortText);
        Text($"{f}.name", c.Name, MaxName);
        for (var i = 0; i < c.Phones.Count; i++)
        {
            var p = c.Phones[i];
            Text($"{f}.phones[{i}].number", p.Number, 50);
            Text($"{f}.phones[{i}].extension", p.Extension, 20);
            Text($"{f}.phones[{i}].type", p.Type, 20);
            for (var j = 0; j < p.Languages.Count; j++) Language($"{f}.phones[{i}].languages[{j}]", p.Languages[j]);
        }
    }
}
