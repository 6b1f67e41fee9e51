using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using static OneStop.Appointments.Grpc.RequestValidator;

namespace OneStop.Appointments.Grpc;

/// <summary>
/// The appointments gRPC surface. Thin on purpose: authorize, check the request's shape, call a command or query,
/// return its answer. Refusals become status codes in <see cref="DomainErrorInterceptor"/>.
/// </summary>
public sealed class AppointmentsGrpcService(
    AppointmentsDbContext db, BookingCommands booking, LifecycleCommands lifecycle, CatalogCommands catalog, AppointmentQueries queries,
    CatalogQueries catalogQueries, SlotSearch slots, CalendarQueries calendar, StatisticsQueries statistics, AppointmentFeed feed)
    : AppointmentsService.AppointmentsServiceBase
{
    public override Task<FindJointSlotsResponse> FindJointSlots(FindJointSlotsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBookingOrPublic(context, request.AppointmentTypeId);
        var limits = SearchLimits(request);
        return slots.FindAsync(request, limits, caller, context.CancellationToken);
    }

    public override Task<Hold> HoldSlot(HoldSlotRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        ClientId(request.ClientId, "client_id");
        Id(request.AppointmentTypeId, "appointment_type_id");
        var interval = Slot(request.Slot, "slot");
        OptionalDuration(request.HoldFor, "hold_for");
        return booking.HoldAsync(request, interval, caller, context.CancellationToken);
    }

    public override Task<Appointment> BookAppointment(BookAppointmentRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBookingOrPublic(context, request.AppointmentTypeId, request.HoldId);
        ClientId(request.ClientId, "client_id");
        OnlineLink(request.OnlineLink, "online_link");
        if (request.RequestedAt is not null) Instant(request.RequestedAt, "requested_at");
        UtcInterval? interval = null;
        if (request.HoldId.Length > 0)
        {
            Id(request.HoldId, "hold_id");
            if (request.Slot is not null) throw DomainException.InvalidArgument("slot", "must be empty when booking a hold.");
            OptionalId(request.AppointmentTypeId, "appointment_type_id");
        }
        else
        {
            Id(request.AppointmentTypeId, "appointment_type_id");
            interval = Slot(request.Slot, "slot");
        }
        var key = context.RequestHeaders.GetValue(Idempotency.MetadataKey);
        if (key is { Length: 0 or > 200 }) throw DomainException.InvalidArgument(Idempotency.MetadataKey, "must be 1 to 200 characters.");
        return booking.BookAsync(request, interval, key, caller, context.CancellationToken);
    }

    public override Task<Appointment> RespondToAppointment(RespondToAppointmentRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        Id(request.ResourceId, "resource_id");
        Defined(request.Response, "response");
        if (request.Response == ParticipantStatus.NeedsAction)
            throw DomainException.InvalidArgument("response", "must be ACCEPTED, DECLINED or TENTATIVE.");
        return lifecycle.RespondAsync(request, caller, context.CancellationToken);
    }

    public override Task<Appointment> CancelAppointment(CancelAppointmentRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        Reason(request.Reason, "reason");
        return lifecycle.CancelAsync(request, caller, context.CancellationToken);
    }

    public override Task<Appointment> RescheduleAppointment(RescheduleAppointmentRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        var interval = Slot(request.NewSlot, "new_slot");
        return booking.RescheduleAsync(request.AppointmentId, request.NewSlot, interval, caller, context.CancellationToken);
    }

    public override Task<Appointment> CheckIn(AppointmentIdRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        return lifecycle.CheckInAsync(request.AppointmentId, caller, context.CancellationToken);
    }

    public override Task<Appointment> MarkNoShow(AppointmentIdRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        return lifecycle.MarkNoShowAsync(request.AppointmentId, caller, context.CancellationToken);
    }

    public override Task<Appointment> CompleteAppointment(AppointmentIdRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        return lifecycle.CompleteAsync(request.AppointmentId, caller, context.CancellationToken);
    }

    public override Task<Appointment> GetAppointment(AppointmentIdRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        return queries.GetAsync(request.AppointmentId, caller, context.CancellationToken);
    }

    public override Task<ListAppointmentTypesResponse> ListAppointmentTypes(ListAppointmentTypesRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBookingOrPublic(context, appointmentTypeId: null);
        var pageSize = PageSize(request.PageSize, "page_size");
        return queries.ListTypesAsync(request.PublicBookingOnly || PublicBooking.IsPublicCaller(caller), pageSize, request.PageToken, caller,
            context.CancellationToken);
    }

    public override Task<AppointmentType> GetAppointmentType(GetAppointmentTypeRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentTypeId, "appointment_type_id");
        return catalogQueries.GetTypeAsync(request.AppointmentTypeId, caller, context.CancellationToken);
    }

    public override Task<Resource> GetResource(GetResourceRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.ResourceId, "resource_id");
        return catalogQueries.GetResourceAsync(request.ResourceId, caller, context.CancellationToken);
    }

    public override Task<ListResourcesResponse> ListResources(ListResourcesRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        OptionalId(request.OrganizationId, "organization_id");
        Defined(request.Kind, "kind", allowUnspecified: true);
        var pageSize = PageSize(request.PageSize, "page_size");
        return catalogQueries.ListResourcesAsync(request, pageSize, caller, context.CancellationToken);
    }

    public override Task<ResourceSchedule> GetSchedule(GetScheduleRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.ResourceId, "resource_id");
        return catalogQueries.GetScheduleAsync(request.ResourceId, caller, context.CancellationToken);
    }

    public override Task<ListSchedulesResponse> ListSchedules(ListSchedulesRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        var pageSize = PageSize(request.PageSize, "page_size");
        return catalogQueries.ListSchedulesAsync(request, pageSize, caller, context.CancellationToken);
    }

    public override Task<ListAppointmentsResponse> ListAppointments(ListAppointmentsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        OptionalId(request.OrganizationId, "organization_id");
        OptionalId(request.ResourceId, "resource_id");
        OptionalId(request.LocationId, "location_id");
        if (request.ClientId.Length > 0) ClientId(request.ClientId, "client_id");
        var pageSize = PageSize(request.PageSize, "page_size");
        DateOnly? day = request.Day is null ? null : ScheduleReader.ReadDate(request.Day, "day");
        return queries.ListAsync(request, pageSize, day, caller, context.CancellationToken);
    }

    /// <summary>
    /// History first, then live changes. The live subscription starts BEFORE the history is read, so a change
    /// committing in between arrives from the history, the feed or both; every version is sent once. Live changes
    /// are this instance's commits at once and, through <see cref="ChangeLogPoller"/>, every instance's within a
    /// poll interval; another instance's change may then come after a higher version this instance committed.
    /// </summary>
    public override async Task WatchAppointments(WatchAppointmentsRequest request, IServerStreamWriter<AppointmentChange> responseStream,
        ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        OptionalId(request.OrganizationId, "organization_id");
        if (request.FromVersion < 0) throw DomainException.InvalidArgument("from_version", "must not be negative.");
        var ct = context.CancellationToken;
        bool Visible(Appointment a) => a.RegionAgs == caller.RegionAgs
            && (request.OrganizationId.Length == 0 || a.Participants.Any(p => p.OrganizationId == request.OrganizationId));

        using var live = feed.Subscribe();
        var from = request.FromVersion;
        // Versions already sent (or skipped as invisible), so the feed's repeats are not sent twice; the oldest are
        // forgotten past a bound, long after any repeat could come.
        var sent = new SortedSet<long>();
        bool FirstTime(long version)
        {
            if (!sent.Add(version)) return false;
            if (sent.Count > SentVersionsKept) sent.Remove(sent.Min);
            return true;
        }
        var history = db.Changes.AsNoTracking().Where(c => c.Version > from && c.RegionAgs == caller.RegionAgs).OrderBy(c => c.Version).AsAsyncEnumerable();
        await foreach (var record in history.WithCancellation(ct))
        {
            var change = record.ToProto();
            if (FirstTime(change.Version) && Visible(change.Appointment)) await responseStream.WriteAsync(change, ct);
        }
        try
        {
            await foreach (var change in live.Reader.ReadAllAsync(ct))
            {
                if (!FirstTime(change.Version)) continue;
                if (Visible(change.Appointment)) await responseStream.WriteAsync(change, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: the normal end of a watch.
        }
    }

    private const int SentVersionsKept = 10_000;

    public override async Task<IcsResponse> GetIcs(AppointmentIdRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        Id(request.AppointmentId, "appointment_id");
        var appointment = await queries.GetAsync(request.AppointmentId, caller, context.CancellationToken);
        return new IcsResponse { Ics = await calendar.IcsAsync(appointment, caller, context.CancellationToken) };
    }

    public override Task<StatsResponse> GetStats(StatsRequest request, ServerCallContext context)
    {
        var caller = Callers.RequireBooking(context);
        var from = Instant(request.From, "from");
        var to = Instant(request.To, "to");
        if (to <= from) throw DomainException.InvalidArgument("to", "must be after from.");
        return statistics.StatsAsync(from, to, caller, context.CancellationToken);
    }

    public override Task<Resource> UpsertResource(UpsertResourceRequest request, ServerCallContext context)
    {
        var caller = Callers.Require(context);
        var resource = request.Resource ?? throw DomainException.InvalidArgument("resource", "is required.");
        CatalogValidator.Resource(resource);
        return catalog.UpsertResourceAsync(resource, caller, context.CancellationToken);
    }

    public override Task<ResourceSchedule> UpsertSchedule(UpsertScheduleRequest request, ServerCallContext context)
    {
        var caller = Callers.Require(context);
        var schedule = request.Schedule ?? throw DomainException.InvalidArgument("schedule", "is required.");
        Id(schedule.ResourceId, "schedule.resource_id");
        ScheduleReader.Read(schedule);
        return catalog.UpsertScheduleAsync(schedule, caller, context.CancellationToken);
    }

    public override Task<AppointmentType> UpsertAppointmentType(UpsertAppointmentTypeRequest request, ServerCallContext context)
    {
        var caller = Callers.Require(context);
        var type = request.AppointmentType ?? throw DomainException.InvalidArgument("appointment_type", "is required.");
        CatalogValidator.AppointmentType(type);
        return catalog.UpsertAppointmentTypeAsync(type, caller, context.CancellationToken);
    }
}
