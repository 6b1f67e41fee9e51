using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Appointments.Data;

/// <summary>
/// The appointments service on SQLite, the embedded default. Owns the migrations in Data/Migrations/Sqlite and adds
/// nothing to the model. Its connections get the <see cref="ServiceDefaults.Data.SqliteWriteSettings"/> PRAGMAs through the options the
/// service registers (<c>Extensions.AddAppointments</c>; the context is pooled, so not in OnConfiguring).
/// </summary>
public sealed class SqliteAppointmentsDbContext(DbContextOptions<SqliteAppointmentsDbContext> options) : AppointmentsDbContext(options);

/// <summary>
/// Lets `dotnet ef --context SqliteAppointmentsDbContext` build the context without starting the host (which would
/// bind ports and reach for Redis). Generating a migration does not open the file.
/// </summary>
public sealed class SqliteAppointmentsDbContextFactory : IDesignTimeDbContextFactory<SqliteAppointmentsDbContext>
{
    public SqliteAppointmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppointmentsDbContext>().UseSqlite("Data Source=appointments-design.db").Options);
}
