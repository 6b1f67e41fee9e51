using Microsoft.EntityFrameworkCore;

namespace OneStop.Skills.Data;

/// <summary>
/// The skills service's database: profiles, their matchable occupations and every version of every profile. One
/// model for SQLite and PostgreSQL; each provider's subclass owns its migrations.
/// </summary>
public abstract class SkillsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ProfileRecord> Profiles => Set<ProfileRecord>();
    public DbSet<ProfileOccupationRecord> ProfileOccupations => Set<ProfileOccupationRecord>();
    public DbSet<ProfileVersionRecord> ProfileVersions => Set<ProfileVersionRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ProfileRecord>(p =>
        {
            p.ToTable("profiles");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedOnAdd();
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.RegionAgs, x.ClientId }).IsUnique();
            p.HasMany(x => x.Occupations).WithOne().HasForeignKey(o => o.ProfileId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ProfileOccupationRecord>(o =>
        {
            o.ToTable("profile_occupations");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedOnAdd();
            // FindCandidates: the region's profiles with one of the requested occupations.
            o.HasIndex(x => new { x.RegionAgs, x.KldbCode, x.ProfileId });
        });
        model.Entity<ProfileVersionRecord>(v =>
        {
            v.ToTable("profile_versions");
            v.HasKey(x => x.Sequence);
            v.Property(x => x.Sequence).ValueGeneratedOnAdd();
            v.HasIndex(x => new { x.RegionAgs, x.ClientId, x.Version }).IsUnique();
            v.HasIndex(x => new { x.RegionAgs, x.Sequence });
        });
    }
}
