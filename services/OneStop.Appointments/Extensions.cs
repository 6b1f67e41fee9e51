using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.Data;
using OneStop.Appointments.Data.Seed;
using OneStop.Appointments.Grpc;
using OneStop.ServiceDefaults.Data;

namespace OneStop.Appointments;

/// <summary>The appointments service's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public const string DatabaseName = "appointments";

    public static WebApplicationBuilder AddAppointments(this WebApplicationBuilder builder)
    {
        // Pooled: every command is a scope of its own, and building a fresh context per scope was a measurable share
        // of a booking. The SQLite PRAGMAs ride on the options (a pooled context may not add them in OnConfiguring).
        builder.AddOneStopDbContext<AppointmentsDbContext, SqliteAppointmentsDbContext, PostgresAppointmentsDbContext>(DatabaseName,
            pooled: true, configure: (provider, options) =>
            {
                if (provider == DatabaseProvider.Sqlite) options.AddInterceptors(SqliteWriteSettings.Instance);
            });
        // EF logs every failed SaveChanges as an error; here a refused allocation row is the expected answer to a
        // race (ABORTED to the caller), not a fault. Other failures still surface as exceptions in the gRPC call.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical);
        builder.Services.AddOptions<AppointmentsOptions>().Bind(builder.Configuration.GetSection(AppointmentsOptions.SectionName));
        builder.Services.AddDirectoryClient();

        builder.Services.AddSingleton<AppointmentFeed>();
        builder.Services.AddScoped<CommandTransaction>();
        builder.Services.AddScoped<DirectoryIds>();
        builder.Services.AddScoped<CatalogCommands>();
        builder.Services.AddScoped<BookingCommands>();
        builder.Services.AddScoped<LifecycleCommands>();
        builder.Services.AddScoped<AppointmentQueries>();
        builder.Services.AddScoped<CatalogQueries>();
        builder.Services.AddScoped<CalendarQueries>();
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddScoped<SlotSearch>();
        builder.Services.AddScoped<Offers>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddHostedService<OfferPurge>();
        builder.Services.AddSingleton<ChangeLogPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeLogPoller>());

        builder.Services.AddGrpc().AddServiceOptions<AppointmentsGrpcService>(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return builder;
    }

    /// <summary>
    /// `migrate` applies the migrations and exits (the deployment's migration Job, deploy/k8s); `seed` migrates and
    /// loads the demo calendars (idempotent), then exits; anything else runs the service.
    /// </summary>
    public static async Task<int> RunAppointmentsAsync(this WebApplication app, string[] args)
    {
        if (args is not ["seed", ..] and not ["migrate", ..])
        {
            await app.RunAsync();
            return 0;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().Database.MigrateAsync();
        if (args is ["migrate", ..])
        {
            app.Logger.LogInformation("Migrations applied");
            return 0;
        }
        var written = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        app.Logger.LogInformation("Seed finished: {Written} records written", written);
        return 0;
    }
}
