using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStop.Appointments.Data;

/// <summary>
/// The appointments service's own database. The allocation table is what keeps a resource from being booked twice:
/// its primary key (resource, 5-minute unit) is unique, and every hold, booking and reschedule inserts all its rows
/// in one transaction. The model lives here; each provider has a thin subclass that owns that provider's migrations
/// (<see cref="SqliteAppointmentsDbContext"/>, <see cref="PostgresAppointmentsDbContext"/>). The service resolves
/// this type and gets the one configuration chose.
/// </summary>
public abstract class AppointmentsDbContext : DbContext
{
    protected AppointmentsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<ResourceRecord> Resources => Set<ResourceRecord>();
    public DbSet<ScheduleRecord> Schedules => Set<ScheduleRecord>();
    public DbSet<AppointmentTypeRecord> AppointmentTypes => Set<AppointmentTypeRecord>();
    public DbSet<AppointmentRecord> Appointments => Set<AppointmentRecord>();
    public DbSet<ParticipantRecord> Participants => Set<ParticipantRecord>();
    public DbSet<HoldRecord> Holds => Set<HoldRecord>();
    public DbSet<AllocationRecord> Allocations => Set<AllocationRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();
    public DbSet<OfferRecord> Offers => Set<OfferRecord>();

    // Providers hand DateTime back as Unspecified; every instant stored here is UTC, so say so on the way out.
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc = new(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder model)
    {
        var resource = model.Entity<ResourceRecord>();
        resource.ToTable("resources");
        resource.HasKey(r => r.Id);
        resource.Property(r => r.Id).HasMaxLength(64);
        resource.Property(r => r.RegionAgs).HasMaxLength(12);
        resource.Property(r => r.OrganizationId).HasMaxLength(64);
        resource.Property(r => r.LocationId).HasMaxLength(64);
        resource.Property(r => r.Version).IsConcurrencyToken();
        resource.HasIndex(r => new { r.RegionAgs, r.OrganizationId });

        var schedule = model.Entity<ScheduleRecord>();
        schedule.ToTable("schedules");
        schedule.HasKey(s => s.ResourceId);
        schedule.Property(s => s.ResourceId).HasMaxLength(64);
        schedule.Property(s => s.RegionAgs).HasMaxLength(12);
        schedule.Property(s => s.Version).IsConcurrencyToken();

        var type = model.Entity<AppointmentTypeRecord>();
        type.ToTable("appointment_types");
        type.HasKey(t => t.Id);
        type.Property(t => t.Id).HasMaxLength(64);
        type.Property(t => t.RegionAgs).HasMaxLength(12);
        type.Property(t => t.Version).IsConcurrencyToken();

        var appointment = model.Entity<AppointmentRecord>();
        appointment.ToTable("appointments");
        appointment.HasKey(a => a.Id);
        appointment.Property(a => a.Id).HasMaxLength(64);
        appointment.Property(a => a.RegionAgs).HasMaxLength(12);
        appointment.Property(a => a.ClientId).HasMaxLength(64);
        appointment.Property(a => a.AppointmentTypeId).HasMaxLength(64);
        appointment.Property(a => a.LocationId).HasMaxLength(64);
        appointment.Property(a => a.Start).HasConversion(Utc);
        appointment.Property(a => a.End).HasConversion(Utc);
        appointment.Property(a => a.Sequence).IsConcurrencyToken();
        appointment.HasIndex(a => new { a.RegionAgs, a.Start });
        appointment.HasIndex(a => new { a.RegionAgs, a.ClientId, a.Status });
        appointment.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);

        var participant = model.Entity<ParticipantRecord>();
        participant.ToTable("participants");
        participant.HasKey(p => new { p.AppointmentId, p.ResourceId });
        participant.Property(p => p.AppointmentId).HasMaxLength(64);
        participant.Property(p => p.ResourceId).HasMaxLength(64);
        participant.Property(p => p.OrganizationId).HasMaxLength(64);
        participant.HasIndex(p => p.ResourceId);
        participant.HasIndex(p => p.OrganizationId);

        var hold = model.Entity<HoldRecord>();
        hold.ToTable("holds");
        hold.HasKey(h => h.Id);
        hold.Property(h => h.Id).HasMaxLength(64);
        hold.Property(h => h.RegionAgs).HasMaxLength(12);
        hold.Property(h => h.Holder).HasMaxLength(200);
        hold.Property(h => h.ClientId).HasMaxLength(64);
        hold.Property(h => h.AppointmentTypeId).HasMaxLength(64);
        hold.Property(h => h.ConsumedByAppointmentId).HasMaxLength(64);
        hold.Property(h => h.ExpiresAt).HasConversion(Utc);

        // The double-booking guard. The composite primary key is a unique index on (resource, unit) in SQLite and
        // PostgreSQL alike; no foreign keys, so a writer never has to lock the appointment or hold rows first.
        var allocation = model.Entity<AllocationRecord>();
        allocation.ToTable("allocations");
        allocation.HasKey(a => new { a.ResourceId, a.Unit });
        allocation.Property(a => a.ResourceId).HasMaxLength(64);
        allocation.Property(a => a.AppointmentId).HasMaxLength(64);
        allocation.Property(a => a.HoldId).HasMaxLength(64);
        allocation.Property(a => a.FreedAt).HasConversion(NullableUtc);
        allocation.HasIndex(a => a.AppointmentId);
        allocation.HasIndex(a => a.HoldId);

        var idempotency = model.Entity<IdempotencyRecord>();
        idempotency.ToTable("idempotency");
        idempotency.HasKey(i => new { i.Caller, i.Key });
        idempotency.Property(i => i.Caller).HasMaxLength(200);
        idempotency.Property(i => i.Key).HasMaxLength(200);
        idempotency.Property(i => i.Method).HasMaxLength(100);
        idempotency.Property(i => i.RequestHash).HasMaxLength(64);
        idempotency.Property(i => i.CreatedAt).HasConversion(Utc);

        var change = model.Entity<ChangeRecord>();
        change.ToTable("changes");
        change.HasKey(c => c.Version);
        change.Property(c => c.Version).ValueGeneratedOnAdd();
        change.Property(c => c.AppointmentId).HasMaxLength(64);
        change.Property(c => c.RegionAgs).HasMaxLength(12);
        change.Property(c => c.ChangedAt).HasConversion(Utc);

        // Statistics' offer state. At most one OPEN request (no appointment yet) per region, client and need: the
        // partial unique index keeps a second instance's concurrent first search from recording a second "first" offer.
        var offer = model.Entity<OfferRecord>();
        offer.ToTable("offers");
        offer.HasKey(o => o.Id);
        offer.Property(o => o.Id).HasMaxLength(64);
        offer.Property(o => o.RegionAgs).HasMaxLength(12);
        offer.Property(o => o.ClientId).HasMaxLength(64);
        offer.Property(o => o.NeedKey).HasMaxLength(64);
        offer.Property(o => o.AppointmentId).HasMaxLength(64);
        offer.Property(o => o.RequestedAt).HasConversion(Utc);
        offer.Property(o => o.FirstOfferedAt).HasConversion(Utc);
        offer.Property(o => o.BookedAt).HasConversion(NullableUtc);
        offer.HasIndex(o => new { o.RegionAgs, o.ClientId, o.NeedKey }).IsUnique().HasFilter("\"AppointmentId\" IS NULL");
        offer.HasIndex(o => o.AppointmentId);
        offer.HasIndex(o => o.FirstOfferedAt);
    }
}
