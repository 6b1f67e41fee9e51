using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Client;
using OneStop.Directory.Data;
using OneStop.Directory.Domain;
using OneStop.Directory.Grpc;
using OneStop.Directory.ReadModel;

namespace OneStop.Directory;

/// <summary>The directory's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public const string DatabaseName = "directory";

    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        builder.AddOneStopDbContext<DirectoryDbContext, SqliteDirectoryDbContext, PostgresDirectoryDbContext>(DatabaseName);
        builder.Services.AddDirectoryReadModelWriter();

        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddSingleton<SearchIndexHolder>();
        builder.Services.AddSingleton<ChangePublisher>();
        builder.Services.AddScoped<DirectoryCommands>();
        builder.Services.AddScoped<HsdsExchange>();
        builder.Services.AddScoped<DirectorySeeder>();

        // Order matters: the database is migrated and the index loaded before anything else starts.
        builder.Services.AddHostedService<DirectoryStartup>();
        builder.Services.AddSingleton<ReadModelRebuilder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadModelRebuilder>());

        builder.Services.AddGrpc().AddServiceOptions<DirectoryGrpcService>(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return builder;
    }

    /// <summary>
    /// `migrate` applies the migrations and exits (the deployment's migration Job, deploy/k8s); `seed` migrates, loads
    /// the demo county and rebuilds the Redis read model, then exits; anything else runs the service.
    /// </summary>
    public static async Task<int> RunDirectoryAsync(this WebApplication app, string[] args)
    {
        if (args is ["migrate", ..])
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Database.MigrateAsync();
            app.Logger.LogInformation("Migrations applied");
            return 0;
        }
        if (args is not ["seed", ..])
        {
            await app.RunAsync();
            return 0;
        }
        var written = await DirectorySeeder.RunAsync(app.Services, CancellationToken.None);
        app.Logger.LogInformation("Seed finished: {Written} changes written", written);
        return 0;
    }
}
