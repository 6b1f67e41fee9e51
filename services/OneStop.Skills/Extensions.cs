using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;
using OneStop.Referrals.V1;
using OneStop.ServiceDefaults.Data;
using OneStop.Skills.Application;
using OneStop.Skills.CodeLists;
using OneStop.Skills.Data;
using OneStop.Skills.Grpc;

namespace OneStop.Skills;

/// <summary>The skills service's wiring, so Program.cs (and the tests' host) stay a few lines.</summary>
public static class Extensions
{
    public const string DatabaseName = "skills";

    /// <summary>Where the referrals service (its consent ledger) is.</summary>
    public const string ReferralsAddressKey = "OneStop:Skills:ReferralsAddress";

    public static WebApplicationBuilder AddSkills(this WebApplicationBuilder builder)
    {
        builder.AddOneStopDbContext<SkillsDbContext, SqliteSkillsDbContext, PostgresSkillsDbContext>(DatabaseName, pooled: true,
            configure: (provider, options) =>
            {
                if (provider == DatabaseProvider.Sqlite) options.AddInterceptors(SqliteWriteSettings.Instance);
            });
        var referralsAddress = builder.Configuration[ReferralsAddressKey] is { Length: > 0 } a ? a : "http://127.0.0.1:5105";
        builder.Services.AddGrpcClient<ConsentService.ConsentServiceClient>(o => o.Address = new Uri(referralsAddress))
            .AddDefaultDeadline(TimeSpan.FromSeconds(5));

        builder.Services.AddSingleton(OccupationCatalog.Load(Path.Combine(AppContext.BaseDirectory, "CodeLists", OccupationCatalog.FileName)));
        builder.Services.AddSingleton(new PseudonymKey(PseudonymSecret(builder)));
        builder.Services.AddSingleton<ProfileFeed>();
        builder.Services.AddSingleton<RequestValidator>();
        builder.Services.AddScoped<ConsentGate>();
        builder.Services.AddScoped<ProfileCommands>();
        builder.Services.AddScoped<ProfileReads>();
        builder.Services.AddScoped<CandidateSearch>();
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return builder;
    }

    public static WebApplication MapSkills(this WebApplication app)
    {
        app.MapGrpcService<SkillsGrpcService>();
        return app;
    }

    /// <summary>
    /// The pseudonyms' secret. Outside Development it must be configured (a known secret would let anyone link
    /// pseudonyms to client ids); in Development a fixed one keeps demo pseudonyms stable across restarts.
    /// </summary>
    private static byte[] PseudonymSecret(WebApplicationBuilder builder)
    {
        if (builder.Configuration[PseudonymKey.ConfigurationKey] is { Length: >= 16 } secret) return Encoding.UTF8.GetBytes(secret);
        if (builder.Environment.IsDevelopment()) return SHA256.HashData("onestop-skills-development-pseudonyms"u8);
        throw new InvalidOperationException($"{PseudonymKey.ConfigurationKey} must be set (16 characters or more) outside Development.");
    }

    /// <summary>`migrate` applies the migrations and exits (the deployment's migration Job, deploy/k8s); anything else
    /// runs the service (which applies the migrations at start too).</summary>
    public static async Task<int> RunSkillsAsync(this WebApplication app, string[] args)
    {
        if (args is not ["migrate", ..])
        {
            await app.RunAsync();
            return 0;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SkillsDbContext>().Database.MigrateAsync();
        app.Logger.LogInformation("Migrations applied");
        return 0;
    }
}
