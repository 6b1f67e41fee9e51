using Microsoft.EntityFrameworkCore;

namespace OneStop.Referrals.Data;

/// <summary>
/// The referrals service's database: referrals and their history, the consent ledger and audit log, and the
/// integration plans. One model for SQLite and PostgreSQL; each provider's subclass owns its migrations.
/// </summary>
public abstract class ReferralsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ReferralRecord> Referrals => Set<ReferralRecord>();
    public DbSet<ReferralEventRecord> ReferralEvents => Set<ReferralEventRecord>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();
    public DbSet<PlanRecord> Plans => Set<PlanRecord>();
    public DbSet<GoalRecord> Goals => Set<GoalRecord>();
    public DbSet<StepRecord> Steps => Set<StepRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ReferralRecord>(r =>
        {
            r.ToTable("referrals");
            r.HasKey(x => x.Id);
            r.Property(x => x.Version).IsConcurrencyToken();
            // Inbox and outbox pages: newest first within one organization, optionally one state.
            r.HasIndex(x => new { x.RegionAgs, x.ReceiverOrganizationId, x.State, x.CreatedAt });
            r.HasIndex(x => new { x.RegionAgs, x.ReceiverOrganizationId, x.CreatedAt });
            r.HasIndex(x => new { x.RegionAgs, x.SenderOrganizationId, x.CreatedAt });
            // The deadline job and the overdue list.
            r.HasIndex(x => new { x.State, x.DueAt });
            r.HasIndex(x => new { x.RegionAgs, x.Overdue, x.DueAt });
            r.HasIndex(x => new { x.RegionAgs, x.ClientId });
        });
        model.Entity<ReferralEventRecord>(e =>
        {
            e.ToTable("referral_events");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.ReferralId, x.Sequence });
            e.HasIndex(x => new { x.RegionAgs, x.Sequence });
        });
        model.Entity<ConsentRecord>(c =>
        {
            c.ToTable("consents");
            c.HasKey(x => x.Id);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => new { x.RegionAgs, x.ClientId });
        });
        model.Entity<AuditEntryRecord>(a =>
        {
            a.ToTable("audit_entries");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedOnAdd();
            a.HasIndex(x => new { x.RegionAgs, x.ClientId, x.Id });
            a.HasIndex(x => new { x.RegionAgs, x.Id });
        });
        model.Entity<PlanRecord>(p =>
        {
            p.ToTable("plans");
            p.HasKey(x => x.Id);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.RegionAgs, x.ClientId }).IsUnique();
            p.HasMany(x => x.Goals).WithOne().HasForeignKey(g => g.PlanId);
        });
        model.Entity<GoalRecord>(g =>
        {
            g.ToTable("plan_goals");
            g.HasKey(x => x.Id);
            g.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.GoalId);
        });
        model.Entity<StepRecord>(s =>
        {
            s.ToTable("plan_steps");
            s.HasKey(x => x.Id);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasIndex(x => x.PlanId);
        });
    }
}
