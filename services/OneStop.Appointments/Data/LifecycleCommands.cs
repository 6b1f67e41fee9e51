using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Appointments.Domain;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Appointments.Data;

/// <summary>
/// Changes of an existing appointment that take no new time: participants' answers, cancellation, check-in,
/// no-show, completion. Each is one transaction; the appointment's SEQUENCE is its concurrency token, so two
/// concurrent changes of one appointment cannot both commit.
/// </summary>
public sealed class LifecycleCommands(AppointmentsDbContext db, CommandTransaction transaction, IOptions<AppointmentsOptions> options)
{
    /// <summary>An agency answers for one of its own resources; the status follows <see cref="ParticipantResponses"/>.</summary>
    public Task<Appointment> RespondAsync(RespondToAppointmentRequest request, CallerIdentity caller, CancellationToken ct) =>
        ChangeAsync(request.AppointmentId, caller, appointment =>
        {
            var participant = appointment.Participants.FirstOrDefault(p => p.ResourceId == request.ResourceId);
            if (participant is not null && (caller.OrganizationId.Length == 0 || participant.OrganizationId != caller.OrganizationId))
                throw new DomainException(DomainErrorCode.PermissionDenied, "Only the resource's own organization may answer for it.");
            var states = appointment.Participants.Select(p => new ParticipantState(p.ResourceId, p.Required, p.Status)).ToList();
            var (answered, status) = ParticipantResponses.Respond(appointment.Status, states, request.ResourceId, request.Response);
            foreach (var p in appointment.Participants) p.Status = answered.First(a => a.ResourceId == p.ResourceId).Status;
            appointment.Status = status;
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// The time is released after the configured delay (<see cref="CancellationPolicy.ReleaseAt"/>): the allocation
    /// rows stay and get a FreedAt, so they block until then and the next writer over those units removes them.
    /// </summary>
    public Task<Appointment> CancelAsync(CancelAppointmentRequest request, CallerIdentity caller, CancellationToken ct) =>
        ChangeAsync(request.AppointmentId, caller, async appointment =>
        {
            appointment.Status = AppointmentLifecycle.Cancel(appointment.Status);
            appointment.CancelReason = request.Reason;
            var releaseAt = new CancellationPolicy(options.Value.ToCancellationOptions()).ReleaseAt(transaction.Now);
            await db.ReleaseRowsOfAppointmentAsync(appointment.Id, releaseAt, ct);
        }, ct);

    public Task<Appointment> CheckInAsync(string appointmentId, CallerIdentity caller, CancellationToken ct) =>
        ChangeAsync(appointmentId, caller, appointment =>
        {
            appointment.Status = AppointmentLifecycle.CheckIn(appointment.Status);
            return Task.CompletedTask;
        }, ct);

    /// <summary>A no-show keeps its time taken: the slot has started, nobody else can use it.</summary>
    public Task<Appointment> MarkNoShowAsync(string appointmentId, CallerIdentity caller, CancellationToken ct) =>
        ChangeAsync(appointmentId, caller, appointment =>
        {
            appointment.Status = AppointmentLifecycle.MarkNoShow(appointment.Status, appointment.Start.ToDateTimeOffset(), transaction.Now);
            return Task.CompletedTask;
        }, ct);

    public Task<Appointment> CompleteAsync(string appointmentId, CallerIdentity caller, CancellationToken ct) =>
        ChangeAsync(appointmentId, caller, appointment =>
        {
            appointment.Status = AppointmentLifecycle.Complete(appointment.Status);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Loads, applies <paramref name="change"/>, bumps SEQUENCE, stores and logs the change: one transaction.</summary>
    private Task<Appointment> ChangeAsync(string appointmentId, CallerIdentity caller, Func<Appointment, Task> change, CancellationToken ct) =>
        transaction.RunAsync(async () =>
        {
            var record = await AppointmentAccess.LoadForUpdateAsync(db, appointmentId, caller, ct);
            var appointment = record.ToProto();
            await change(appointment);
            appointment.Sequence++;
            appointment.Etag = appointment.Sequence.ToString(CultureInfo.InvariantCulture);
            record.Store(appointment);
            transaction.RecordChange(appointment);
            return appointment;
        }, ct);
}
