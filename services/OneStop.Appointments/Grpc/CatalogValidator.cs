using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Grpc.RequestValidator;

namespace OneStop.Appointments.Grpc;

/// <summary>Shape checks of resources and appointment types before they are written (INVALID_ARGUMENT naming the field).</summary>
public static class CatalogValidator
{
    public static void Resource(Resource resource)
    {
        Id(resource.Id, "resource.id");
        Defined(resource.Kind, "resource.kind");
        if (string.IsNullOrWhiteSpace(resource.DisplayName) || resource.DisplayName.Length > 200)
            throw DomainException.InvalidArgument("resource.display_name", "is required, at most 200 characters.");
        Id(resource.OrganizationId, "resource.organization_id");
        Id(resource.LocationId, "resource.location_id");
        for (var i = 0; i < resource.Topics.Count; i++) Defined(resource.Topics[i], $"resource.topics[{i}]");
        for (var i = 0; i < resource.Languages.Count; i++) Language(resource.Languages[i], $"resource.languages[{i}]");
        OptionalId(resource.ServiceId, "resource.service_id");
        if (resource.RoomCapacity < 0) throw DomainException.InvalidArgument("resource.room_capacity", "must not be negative.");
        if (resource.Kind == ResourceKind.Room && resource.RoomCapacity == 0)
            throw DomainException.InvalidArgument("resource.room_capacity", "a room needs a capacity.");
        if (resource.Kind == ResourceKind.Interpreter && resource.Languages.Count == 0)
            throw DomainException.InvalidArgument("resource.languages", "an interpreter needs at least one language.");
    }

    public static void AppointmentType(AppointmentType type)
    {
        Id(type.Id, "appointment_type.id");
        if (string.IsNullOrWhiteSpace(type.Name) || type.Name.Length > 200)
            throw DomainException.InvalidArgument("appointment_type.name", "is required, at most 200 characters.");
        Defined(type.Topic, "appointment_type.topic", allowUnspecified: true);
        var duration = OptionalDuration(type.Duration, "appointment_type.duration")
            ?? throw DomainException.InvalidArgument("appointment_type.duration", "is required.");
        if (duration.Ticks % TimeSpan.FromMinutes(15).Ticks != 0 || duration > TimeSpan.FromHours(8))
            throw DomainException.InvalidArgument("appointment_type.duration", "must be a multiple of 15 minutes, at most 8 hours.");
        if (type.Participants.Count == 0) throw DomainException.InvalidArgument("appointment_type.participants", "needs at least one participant.");
        for (var i = 0; i < type.Participants.Count; i++)
        {
            var p = type.Participants[i];
            switch (p.WhoCase)
            {
                case ParticipantRequirement.WhoOneofCase.ResourceId: Id(p.ResourceId, $"appointment_type.participants[{i}].resource_id"); break;
                case ParticipantRequirement.WhoOneofCase.Pool:
                    Id(p.Pool.OrganizationId, $"appointment_type.participants[{i}].pool.organization_id");
                    Defined(p.Pool.Topic, $"appointment_type.participants[{i}].pool.topic", allowUnspecified: true);
                    break;
                default: throw DomainException.InvalidArgument($"appointment_type.participants[{i}]", "needs a resource_id or a pool.");
            }
        }
        if (type.InterpreterLanguage.Length > 0) Language(type.InterpreterLanguage, "appointment_type.interpreter_language");
        if (type.RoomNeeds is { } needs)
        {
            if (needs.MinimumCapacity < 0) throw DomainException.InvalidArgument("appointment_type.room_needs.minimum_capacity", "must not be negative.");
            OptionalId(needs.LocationId, "appointment_type.room_needs.location_id");
        }
        if (type.MinimumNotice is not null && type.MinimumNotice.ToTimeSpan() < TimeSpan.Zero)
            throw DomainException.InvalidArgument("appointment_type.minimum_notice", "must not be negative.");
        OptionalDuration(type.BookingHorizon, "appointment_type.booking_horizon");
    }

    private static void Language(string code, string field)
    {
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower))
            throw DomainException.InvalidArgument(field, "must be an ISO 639 code in lower case, e.g. \"ar\".");
    }
}
