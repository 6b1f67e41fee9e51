using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Time;
using Topic = OneStop.Directory.V1.Topic;

namespace OneStop.Appointments.Domain;

public enum NeedPlaceKind { Participant, Interpreter, Room }

/// <summary>
/// One place a slot's resources must fill: who fits it, whether it may stay empty, and the request field it came
/// from (named in refusals, so a form can say which part of the need to change).
/// </summary>
public sealed record NeedPlace(string Field, string Name, NeedPlaceKind Kind, Func<Resource, bool> Fits, bool Optional);

/// <summary>
/// What a slot must satisfy: an appointment type refined by a need (<see cref="SlotNeed"/>), or an ad-hoc search.
/// The ONE rule FindJointSlots and HoldSlot, BookAppointment and RescheduleAppointment share: the search takes each
/// place's candidates from <see cref="NeedPlace.Fits"/>, and the commands check the slot with <see cref="Assign"/>
/// and <see cref="EnsureClientFree"/> over the same places, so a slot the search offers can be held. Before this,
/// the front desk searched ad-hoc pools and held the slot as a type, and the two disagreed (issue 17, item 1).
/// </summary>
public sealed class SlotNeedRule
{
    private SlotNeedRule(string typeId, IReadOnlyList<NeedPlace> places, string interpreterLanguage, string interpreterField,
        IReadOnlyList<WeeklyLocalWindow> clientBlocked)
    {
        TypeId = typeId;
        Places = places;
        InterpreterLanguage = interpreterLanguage;
        InterpreterField = interpreterField;
        ClientBlocked = clientBlocked;
    }

    public string TypeId { get; }

    public IReadOnlyList<NeedPlace> Places { get; }

    /// <summary>The interpreter's language; empty: no interpreter.</summary>
    public string InterpreterLanguage { get; }

    /// <summary>Where the interpreter language came from, for refusals.</summary>
    public string InterpreterField { get; }

    public IReadOnlyList<WeeklyLocalWindow> ClientBlocked { get; }

    /// <summary>
    /// The type's participants, interpreter and room, refined by the need. Each pool of the need narrows a distinct
    /// pool of the type with the same agency (to a topic, where the type's pool has none or the same); an agency the
    /// type does not include cannot work, and neither can a second interpreter language or another room location:
    /// those are INVALID_ARGUMENT on the need's field (<paramref name="prefix"/> + "pools[1].organization_id" …).
    /// The need's interpreter joins a type without one; its room needs add to the type's (larger capacity, wheelchair).
    /// </summary>
    public static SlotNeedRule For(AppointmentType type, SlotNeed? need, string prefix)
    {
        need ??= new SlotNeed();
        var places = new List<NeedPlace>();
        var refinedBy = new int[type.Participants.Count];
        Array.Fill(refinedBy, -1);
        for (var i = 0; i < need.Pools.Count; i++)
        {
            var pool = need.Pools[i];
            var field = $"{prefix}pools[{i}]";
            var sameAgency = Enumerable.Range(0, type.Participants.Count)
                .Where(j => refinedBy[j] < 0 && type.Participants[j].Pool is { } p && p.OrganizationId == pool.OrganizationId).ToList();
            if (sameAgency.Count == 0)
            {
                var agencies = type.Participants.Where(p => p.Pool is not null).Select(p => p.Pool.OrganizationId).Distinct();
                throw DomainException.InvalidArgument($"{field}.organization_id",
                    $"agency '{pool.OrganizationId}' takes no part in appointment type '{type.Id}' (its agencies: {string.Join(", ", agencies)}).");
            }
            var match = sameAgency.Cast<int?>().FirstOrDefault(j => TopicFits(type.Participants[j!.Value].Pool.Topic, pool.Topic))
                ?? throw DomainException.InvalidArgument($"{field}.topic",
                    $"appointment type '{type.Id}' asks agency '{pool.OrganizationId}' about {type.Participants[sameAgency[0]].Pool.Topic}, not {pool.Topic}.");
            refinedBy[match] = i;
        }
        for (var j = 0; j < type.Participants.Count; j++)
        {
            var p = type.Participants[j];
            if (p.WhoCase == ParticipantRequirement.WhoOneofCase.ResourceId)
            {
                var id = p.ResourceId;
                places.Add(new NeedPlace($"appointment_type.participants[{j}].resource_id", $"participants[{j}] ({id})", NeedPlaceKind.Participant,
                    r => r.Id == id, p.Optional));
            }
            else if (p.Pool is { } pool)
            {
                var topic = refinedBy[j] >= 0 && need.Pools[refinedBy[j]].Topic != Topic.Unspecified ? need.Pools[refinedBy[j]].Topic : pool.Topic;
                var field = refinedBy[j] >= 0 ? $"{prefix}pools[{refinedBy[j]}]" : $"appointment_type.participants[{j}]";
                places.Add(Counsellors(field, $"participants[{j}] (a counsellor of {pool.OrganizationId} for {topic})", pool.OrganizationId, topic, p.Optional));
            }
        }

        var language = type.InterpreterLanguage;
        var interpreterField = "appointment_type.interpreter_language";
        if (need.InterpreterLanguage.Length > 0)
        {
            if (language.Length > 0 && language != need.InterpreterLanguage)
                throw DomainException.InvalidArgument($"{prefix}interpreter_language",
                    $"appointment type '{type.Id}' brings an interpreter for '{language}'; a second language needs another type.");
            language = need.InterpreterLanguage;
            interpreterField = $"{prefix}interpreter_language";
        }
        if (language.Length > 0) places.Add(Interpreters(interpreterField, language));

        if (Combine(type.RoomNeeds, need.RoomNeeds, type.Id, prefix) is { } room)
            places.Add(Rooms(need.RoomNeeds is null ? "appointment_type.room_needs" : $"{prefix}room_needs", room));

        return new SlotNeedRule(type.Id, places, language, interpreterField, ScheduleReader.ReadBlocked(need.ClientBlocked, $"{prefix}client_blocked"));
    }

    /// <summary>An ad-hoc search (no type): its pools, interpreter and room needs as the request names them.</summary>
    public static SlotNeedRule AdHoc(FindJointSlotsRequest request)
    {
        var places = request.Pools.Select((p, i) => Counsellors($"pools[{i}]", $"pools[{i}]", p.OrganizationId, p.Topic, optional: false)).ToList();
        if (request.InterpreterLanguage.Length > 0) places.Add(Interpreters("interpreter_language", request.InterpreterLanguage));
        if (request.RoomNeeds is { } room) places.Add(Rooms("room_needs", room));
        return new SlotNeedRule("", places, request.InterpreterLanguage, "interpreter_language", ScheduleReader.ReadBlocked(request.ClientBlocked));
    }

    /// <summary>
    /// Matches every resource of a slot to one place (a maximum bipartite matching, required places first, so
    /// overlapping pools are filled as the search filled them). Returns, per resource, whether its place is required.
    /// A required place left empty or a resource that fills no place is INVALID_ARGUMENT on <paramref name="field"/>.
    /// </summary>
    public bool[] Assign(IReadOnlyList<Resource> resources, string field)
    {
        var placeOf = new int[resources.Count];
        Array.Fill(placeOf, -1);
        var order = Enumerable.Range(0, Places.Count).OrderBy(k => Places[k].Optional).ToList();
        foreach (var k in order)
        {
            if (!Augment(k, resources, placeOf, new bool[resources.Count]) && !Places[k].Optional)
                throw DomainException.InvalidArgument($"{field}.resources", $"no resource of the slot fills {Places[k].Name}.");
        }
        var unassigned = Array.IndexOf(placeOf, -1);
        if (unassigned >= 0)
            throw DomainException.InvalidArgument($"{field}.resources[{unassigned}].resource_id",
                $"resource '{resources[unassigned].Id}' fills no participant of appointment type '{TypeId}'.");
        return [.. placeOf.Select(k => !Places[k].Optional)];
    }

    /// <summary>The slot must not touch the client's blocked times (Berlin wall clock on each local date it spans).</summary>
    public void EnsureClientFree(UtcInterval slot, string field)
    {
        foreach (var date in BerlinTime.LocalDatesIn(slot.Start.AddDays(-1), slot.End.AddDays(1)))
        {
            foreach (var window in ClientBlocked)
            {
                if (window.Day == date.DayOfWeek && window.Window.On(date).Overlaps(slot))
                    throw DomainException.InvalidArgument($"{field}.start", $"falls in the client's blocked time on {window.Day} ({window.Window}) of the need.");
            }
        }
    }

    private bool Augment(int place, IReadOnlyList<Resource> resources, int[] placeOf, bool[] visited)
    {
        for (var i = 0; i < resources.Count; i++)
        {
            if (visited[i] || !Places[place].Fits(resources[i])) continue;
            visited[i] = true;
            if (placeOf[i] < 0 || Augment(placeOf[i], resources, placeOf, visited))
            {
                placeOf[i] = place;
                return true;
            }
        }
        return false;
    }

    private static bool TopicFits(Topic ofType, Topic ofNeed) => ofType == Topic.Unspecified || ofNeed == Topic.Unspecified || ofType == ofNeed;

    private static NeedPlace Counsellors(string field, string name, string organizationId, Topic topic, bool optional) =>
        new(field, name, NeedPlaceKind.Participant,
            r => r.Kind == ResourceKind.Counsellor && r.OrganizationId == organizationId && (topic == Topic.Unspecified || r.Topics.Contains(topic)), optional);

    private static NeedPlace Interpreters(string field, string language) =>
        new(field, $"an interpreter for '{language}'", NeedPlaceKind.Interpreter, r => r.Kind == ResourceKind.Interpreter && r.Languages.Contains(language), false);

    private static NeedPlace Rooms(string field, RoomNeeds needs) =>
        new(field, "a room", NeedPlaceKind.Room, r => r.Kind == ResourceKind.Room && r.RoomCapacity >= needs.MinimumCapacity
            && (!needs.WheelchairAccessible || r.WheelchairAccessible) && (needs.LocationId.Length == 0 || r.LocationId == needs.LocationId), false);

    private static RoomNeeds? Combine(RoomNeeds? ofType, RoomNeeds? ofNeed, string typeId, string prefix)
    {
        if (ofNeed is null) return ofType;
        if (ofType is null) return ofNeed;
        if (ofType.LocationId.Length > 0 && ofNeed.LocationId.Length > 0 && ofType.LocationId != ofNeed.LocationId)
            throw DomainException.InvalidArgument($"{prefix}room_needs.location_id", $"appointment type '{typeId}' meets at '{ofType.LocationId}'.");
        return new RoomNeeds
        {
            MinimumCapacity = Math.Max(ofType.MinimumCapacity, ofNeed.MinimumCapacity),
            WheelchairAccessible = ofType.WheelchairAccessible || ofNeed.WheelchairAccessible,
            LocationId = ofType.LocationId.Length > 0 ? ofType.LocationId : ofNeed.LocationId,
        };
    }
}
