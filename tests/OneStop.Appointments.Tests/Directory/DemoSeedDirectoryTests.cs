using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Appointments.Data;
using OneStop.Appointments.Data.Seed;
using OneStop.Appointments.Domain;
using OneStop.Appointments.Tests.TestSupport;

namespace OneStop.Appointments.Tests.Directory;

/// <summary>
/// With directory checks on (the default, as under `./onestop up`), the demo seed checks every directory id and
/// language it names through the directory client before it writes anything.
/// </summary>
public sealed class DemoSeedDirectoryTests
{
    [Fact]
    public async Task The_seed_refuses_a_demo_language_the_directory_does_not_offer_and_writes_nothing_then_seeds_once_it_does()
    {
        await using var directory = await FakeDirectory.StartAsync();
        var resources = DemoCalendars.Resources();
        foreach (var resource in resources) directory.WithOrganization(resource.OrganizationId).WithLocation(resource.LocationId, resource.OrganizationId);
        foreach (var service in resources.GroupBy(r => r.ServiceId).Where(g => g.Key.Length > 0))
            directory.WithService(service.Key, service.First().OrganizationId, [.. service.SelectMany(r => r.Languages).Distinct()]);
        // The interpreting service without Farsi, which the demo's Farsi interpreter offers.
        directory.WithService(DemoDirectoryIds.InterpretingService, DemoDirectoryIds.IntegrationPoint, "de", "ar", "uk", "tr", "ru");
        var dataDirectory = AppointmentsTestHost.NewDataDirectory();

        var refused = await Assert.ThrowsAsync<DomainException>(() => RunSeedAsync(dataDirectory, directory));
        Assert.Equal(DomainErrorCode.InvalidArgument, refused.Code);
        Assert.Equal("resource.languages[0]", refused.Field);
        Assert.Contains("'fa'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ResourceCountAsync(dataDirectory, directory));

        directory.WithService(DemoDirectoryIds.InterpretingService, DemoDirectoryIds.IntegrationPoint, "de", "ar", "uk", "fa", "tr", "ru");
        Assert.Equal(0, await RunSeedAsync(dataDirectory, directory));
        Assert.Equal(resources.Count, await ResourceCountAsync(dataDirectory, directory));
    }

    /// <summary>
    /// A loaded directory: lookups outlast the client's per-attempt timeout, which grpc-dotnet reports as CANCELLED.
    /// The seed treats that like an unreachable directory, asks again, and completes once the directory answers.
    /// </summary>
    [Fact]
    public async Task The_seed_completes_when_the_first_directory_lookups_time_out()
    {
        await using var directory = await FakeDirectory.StartAsync();
        var resources = DemoCalendars.Resources();
        foreach (var resource in resources) directory.WithOrganization(resource.OrganizationId).WithLocation(resource.LocationId, resource.OrganizationId);
        foreach (var service in resources.GroupBy(r => r.ServiceId).Where(g => g.Key.Length > 0))
            directory.WithService(service.Key, service.First().OrganizationId, [.. service.SelectMany(r => r.Languages).Distinct()]);
        directory.WithService(DemoDirectoryIds.InterpretingService, DemoDirectoryIds.IntegrationPoint, "de", "ar", "uk", "fa", "tr", "ru");
        // Three timed-out lookups: more than the client's own retries (GrpcRetries, 2) absorb, however it reports them.
        directory.HangingOrganizationCalls(3);
        var dataDirectory = AppointmentsTestHost.NewDataDirectory();

        Assert.Equal(0, await RunSeedAsync(dataDirectory, directory));

        Assert.Equal(resources.Count, await ResourceCountAsync(dataDirectory, directory));
        Assert.True(directory.OrganizationCalls > 3, $"{directory.OrganizationCalls} organization lookups");
    }

    private static async Task<int> RunSeedAsync(string dataDirectory, FakeDirectory directory)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, ["seed"], settings: directory.ServiceSettings());
        return await app.RunAppointmentsAsync(["seed"]);
    }

    private static async Task<int> ResourceCountAsync(string dataDirectory, FakeDirectory directory)
    {
        await using var app = AppointmentsTestHost.Build(dataDirectory, clock: null, [], settings: directory.ServiceSettings());
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().Resources.CountAsync();
    }
}
