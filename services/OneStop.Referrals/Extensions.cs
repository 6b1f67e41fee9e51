using Microsoft.EntityFrameworkCore;
using OneStop.Appointments.V1;
using OneStop.Referrals.Application;
using OneStop.Referrals.Data;
using OneStop.Referrals.Data.Seed;
using OneStop.Referrals.Domain.Deadlines;
using OneStop.Referrals.Grpc;
using OneStop.ServiceDefaults.Data;

namespace OneStop.Referrals;

/// <summary>The referrals service's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public const string DatabaseName = "referrals";

    /// <summary>Where the appointments service is (the warm hand-over books through it).</summary>
    public const string AppointmentsAddressKey = "OneStop:Referrals:AppointmentsAddress";

    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        builder.AddOneStopDbContext<ReferralsDbContext, SqliteReferralsDbContext, PostgresReferralsDbContext>(DatabaseName, pooled: true,
            configure: (provider, options) =>
            {
                if (provider == DatabaseProvider.Sqlite) options.AddInterceptors(SqliteWriteSettings.Instance);
            });
        builder.Services.AddOptions<DeadlineOptions>().Bind(builder.Configuration.GetSection(DeadlineOptions.SectionName));
        builder.Services.AddDirectoryClient();
        var appointmentsAddress = builder.Configuration[AppointmentsAddressKey] is { Length: > 0 } a ? a : "http://127.0.0.1:5102";
        builder.Services.AddGrpcClient<AppointmentsService.AppointmentsServiceClient>(o => o.Address = new Uri(appointmentsAddress))
            .AddDefaultDeadline(TimeSpan.FromSeconds(10));

        builder.Services.AddSingleton<ReferralFeed>();
        builder.Services.AddSingleton<DeadlinePolicy>();
        builder.Services.AddScoped<CommandTransaction>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ConsentLedger>();
        builder.Services.AddScoped<ReceiverDirectory>();
        builder.Services.AddScoped<ReferralCommands>();
        builder.Services.AddScoped<ReferralQueries>();
        builder.Services.AddScoped<PlanCommands>();
        builder.Services.AddScoped<WarmHandover>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddSingleton<DeadlineJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineJob>());

        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainErrorInterceptor>());
        builder.AddReferralRouting();
        return builder;
    }

    /// <summary>
    /// `migrate` applies the migrations and exits (the deployment's migration Job, deploy/k8s); `seed` migrates and
    /// loads the demo referrals (idempotent; `./onestop up` runs it), then exits; anything else runs the service
    /// (which applies the migrations at start too).
    /// </summary>
    public static async Task<int> RunReferralsAsync(this WebApplication app, string[] args)
    {
        if (args is not ["seed", ..] and not ["migrate", ..])
        {
            await app.RunAsync();
            return 0;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().Database.MigrateAsync();
        if (args is ["migrate", ..])
        {
            app.Logger.LogInformation("Migrations applied");
            return 0;
        }
        var written = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        app.Logger.LogInformation("Seed finished: {Written} records written", written);
        return 0;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        app.MapGrpcService<ReferralGrpcService>();
        app.MapGrpcService<ConsentGrpcService>();
        app.MapGrpcService<PlanGrpcService>();
        app.MapGrpcService<ReferralRoutingService>();
        return app;
    }
}
