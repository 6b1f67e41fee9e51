using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Appointments.Data;

/// <summary>
/// The appointments service on PostgreSQL (Npgsql), for production. Owns the migrations in Data/Migrations/Postgres
/// and adds nothing to the model. The allocation table's primary key is the double-booking guard here too: a
/// concurrent second insert of a (resource, unit) waits for the first transaction and then fails with 23505.
/// </summary>
public sealed class PostgresAppointmentsDbContext(DbContextOptions<PostgresAppointmentsDbContext> options) : AppointmentsDbContext(options);

/// <summary>
/// Lets `dotnet ef --context PostgresAppointmentsDbContext` build the context without starting the host. Generating
/// a migration does not connect, so the connection string only has to parse.
/// </summary>
public sealed class PostgresAppointmentsDbContextFactory : IDesignTimeDbContextFactory<PostgresAppointmentsDbContext>
{
    public PostgresAppointmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppointmentsDbContext>().UseNpgsql("Host=localhost;Database=appointments-design").Options);
}
