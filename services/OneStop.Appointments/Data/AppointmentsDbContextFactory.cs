using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Appointments.Data;

/// <summary>Lets `dotnet ef` build the context without starting the host. Migrations are generated against SQLite.</summary>
public sealed class AppointmentsDbContextFactory : IDesignTimeDbContextFactory<AppointmentsDbContext>
{
    public AppointmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppointmentsDbContext>().UseSqlite("Data Source=appointments-design.db").Options);
}
