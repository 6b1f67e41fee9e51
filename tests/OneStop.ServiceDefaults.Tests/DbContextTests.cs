using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OneStop.ServiceDefaults.Data;

namespace OneStop.ServiceDefaults.Tests;

/// <summary>AddOneStopDbContext's provider choice and its database health check.</summary>
public sealed class DbContextTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "onestop-defaults-" + Guid.NewGuid().ToString("N"));

    public sealed class SampleContext(DbContextOptions<SampleContext> options) : DbContext(options);

    public abstract class SplitContext(DbContextOptions options) : DbContext(options);
    public sealed class SqliteSplitContext(DbContextOptions<SqliteSplitContext> options) : SplitContext(options);
    public sealed class PostgresSplitContext(DbContextOptions<PostgresSplitContext> options) : SplitContext(options);

    private WebApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        Directory.CreateDirectory(_root);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        return builder;
    }

    [Fact]
    public void Sqlite_is_the_default_with_a_file_under_the_content_roots_data_folder()
    {
        var builder = Builder();
        builder.AddOneStopDbContext<SampleContext>("sample");
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SampleContext>();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", context.Database.ProviderName);
        Assert.Equal($"Data Source={Path.Combine(_root, ".data", "sample.db")}", context.Database.GetConnectionString());
        Assert.True(Directory.Exists(Path.Combine(_root, ".data")));
    }

    [Fact]
    public void Sqlite_file_follows_the_data_directory_setting()
    {
        var data = Path.Combine(_root, "elsewhere");
        var settings = DatabaseSettings.Resolve(Builder(("OneStop:DataDirectory", data)).Configuration, _root, "directory");
        Assert.Equal(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "directory.db")}"), settings);
        Assert.True(Directory.Exists(data));
    }

    [Fact]
    public void Sqlite_connection_string_from_configuration_wins()
    {
        var settings = DatabaseSettings.Resolve(Builder(("ConnectionStrings:sample", "Data Source=:memory:")).Configuration, _root, "sample");
        Assert.Equal("Data Source=:memory:", settings.ConnectionString);
    }

    [Fact]
    public void Postgres_without_connection_string_is_a_clear_error()
    {
        var builder = Builder(("OneStop:Database:Provider", "Postgres"));
        var e = Assert.Throws<InvalidOperationException>(() => builder.AddOneStopDbContext<SampleContext>("appointments"));
        Assert.Contains("ConnectionStrings:appointments", e.Message);
    }

    [Fact]
    public void Postgres_with_connection_string_uses_npgsql()
    {
        var builder = Builder(("OneStop:Database:Provider", "Postgres"),
            ("ConnectionStrings:appointments", "Host=127.0.0.1;Database=appointments;Username=onestop"));
        builder.AddOneStopDbContext<SampleContext>("appointments");
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", scope.ServiceProvider.GetRequiredService<SampleContext>().Database.ProviderName);
    }

    [Theory]
    [InlineData(null, typeof(SqliteSplitContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("Postgres", typeof(PostgresSplitContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void Per_provider_subclass_is_resolved_as_the_base_context(string? provider, Type expected, string providerName)
    {
        var builder = Builder(("OneStop:Database:Provider", provider),
            ("ConnectionStrings:split", provider is null ? null : "Host=127.0.0.1;Database=split;Username=onestop"));
        builder.AddOneStopDbContext<SplitContext, SqliteSplitContext, PostgresSplitContext>("split");
        using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SplitContext>();
        Assert.IsType(expected, context);
        Assert.Equal(providerName, context.Database.ProviderName);
    }

    [Theory]
    [InlineData(null, typeof(SqliteSplitContext), DatabaseProvider.Sqlite)]
    [InlineData("Postgres", typeof(PostgresSplitContext), DatabaseProvider.Postgres)]
    public void Pooled_registration_reuses_the_context_and_applies_the_provider_options(string? provider, Type expected, DatabaseProvider configured)
    {
        var builder = Builder(("OneStop:Database:Provider", provider),
            ("ConnectionStrings:split", provider is null ? null : "Host=127.0.0.1;Database=split;Username=onestop"));
        DatabaseProvider? seen = null;
        builder.AddOneStopDbContext<SplitContext, SqliteSplitContext, PostgresSplitContext>("split", pooled: true,
            configure: (p, options) => { seen = p; options.EnableDetailedErrors(); });
        using var app = builder.Build();
        SplitContext first;
        using (var scope = app.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<SplitContext>();
            Assert.IsType(expected, first);
            _ = first.Model;
        }
        using (var scope = app.Services.CreateScope()) Assert.Same(first, scope.ServiceProvider.GetRequiredService<SplitContext>());
        Assert.Equal(configured, seen);
    }

    [Fact]
    public void Unknown_provider_is_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Builder(("OneStop:Database:Provider", "Oracle")).AddOneStopDbContext<SampleContext>("x"));
        Assert.Contains("Oracle", e.Message);
    }

    [Fact]
    public async Task Health_check_reports_whether_the_database_is_reachable()
    {
        var builder = Builder();
        builder.AddOneStopDbContext<SampleContext>("sample");
        using var app = builder.Build();
        using (var scope = app.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<SampleContext>().Database.EnsureCreated();
        var health = app.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        var broken = Builder(("ConnectionStrings:sample", $"Data Source={Path.Combine(_root, "missing", "x.db")};Mode=ReadOnly"));
        broken.AddOneStopDbContext<SampleContext>("sample");
        using var brokenApp = broken.Build();
        Assert.Equal(HealthStatus.Unhealthy, (await brokenApp.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
