using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneStop.Directory.Data;

/// <summary>
/// The directory's own database: the four entry tables, regions, and the change log. The model lives here; each
/// provider has a thin subclass that owns that provider's migrations (<see cref="SqliteDirectoryDbContext"/>,
/// <see cref="PostgresDirectoryDbContext"/>). The service resolves this type and gets the one configuration chose.
/// </summary>
public abstract class DirectoryDbContext : DbContext
{
    protected DirectoryDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<OrganizationRecord> Organizations => Set<OrganizationRecord>();
    public DbSet<ServiceRecord> Services => Set<ServiceRecord>();
    public DbSet<LocationRecord> Locations => Set<LocationRecord>();
    public DbSet<ServiceAtLocationRecord> ServicesAtLocation => Set<ServiceAtLocationRecord>();
    public DbSet<RegionRecord> Regions => Set<RegionRecord>();
    public DbSet<ChangeRecord> Changes => Set<ChangeRecord>();

    // Providers hand DateTime back as Unspecified; every instant we store is UTC, so say so on the way out.
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder model)
    {
        ConfigureEntry(model.Entity<OrganizationRecord>(), "organizations");

        var service = ConfigureEntry(model.Entity<ServiceRecord>(), "services");
        service.Property(s => s.OrganizationId).HasMaxLength(64);
        service.HasIndex(s => s.OrganizationId);

        var location = ConfigureEntry(model.Entity<LocationRecord>(), "locations");
        location.Property(l => l.OrganizationId).HasMaxLength(64);
        location.HasIndex(l => l.OrganizationId);

        var serviceAtLocation = ConfigureEntry(model.Entity<ServiceAtLocationRecord>(), "services_at_location");
        serviceAtLocation.Property(s => s.ServiceId).HasMaxLength(64);
        serviceAtLocation.Property(s => s.LocationId).HasMaxLength(64);
        serviceAtLocation.HasIndex(s => s.ServiceId);
        serviceAtLocation.HasIndex(s => s.LocationId);

        var region = model.Entity<RegionRecord>();
        region.ToTable("regions");
        region.HasKey(r => r.Ags);
        region.Property(r => r.Ags).HasMaxLength(32);
        region.Property(r => r.ParentAgs).HasMaxLength(32);
        region.Property(r => r.Name).HasMaxLength(200);
        region.HasIndex(r => r.ParentAgs);

        var change = model.Entity<ChangeRecord>();
        change.ToTable("changes");
        change.HasKey(c => c.Version);
        change.Property(c => c.Version).ValueGeneratedOnAdd();
        change.Property(c => c.EntityId).HasMaxLength(64);
        change.Property(c => c.ChangedAt).HasConversion(Utc);
    }

    private static EntityTypeBuilder<T> ConfigureEntry<T>(EntityTypeBuilder<T> entry, string table) where T : EntryRecord
    {
        entry.ToTable(table);
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).HasMaxLength(64);
        entry.Property(e => e.OwnerOrganizationId).HasMaxLength(64);
        entry.Property(e => e.OwnerRegionAgs).HasMaxLength(8);
        // Two writers that read the same version cannot both commit: the second UPDATE matches no row.
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.Property(e => e.LastModified).HasConversion(Utc);
        entry.Ignore(e => e.Etag);
        entry.HasIndex(e => e.OwnerRegionAgs);
        return entry;
    }
}
