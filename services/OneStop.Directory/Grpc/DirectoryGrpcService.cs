using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OneStop.Directory.Data;
using OneStop.Directory.Domain;
using OneStop.Directory.Domain.Search;
using OneStop.Directory.Domain.Validation;
using OneStop.Directory.ReadModel;
using OneStop.Directory.V1;
using OneStop.ServiceDefaults.Identity;

namespace OneStop.Directory.Grpc;

/// <summary>
/// The directory's gRPC surface. Thin on purpose: validate the request, call the domain or EF, map the answer.
/// Domain refusals become status codes in <see cref="DomainErrorInterceptor"/>.
/// </summary>
public sealed class DirectoryGrpcService(
    DirectoryDbContext db, DirectoryCommands commands, SearchIndexHolder search, ChangeFeed feed, HsdsExchange hsds, TimeProvider clock)
    : DirectoryService.DirectoryServiceBase
{
    // ---- reads (anonymous allowed: the directory is public) ----

    public override async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        RequestValidator.ValidateGet(request.Id, request.Language);
        var record = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, context.CancellationToken);
        return Localizer.Localize(Found(record, request.Id).ToProto(), request.Language);
    }

    public override async Task<Service> GetService(GetServiceRequest request, ServerCallContext context)
    {
        RequestValidator.ValidateGet(request.Id, request.Language);
        var record = await db.Services.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, context.CancellationToken);
        return Localizer.Localize(Found(record, request.Id).ToProto(), request.Language);
    }

    public override async Task<Location> GetLocation(GetLocationRequest request, ServerCallContext context)
    {
        RequestValidator.ValidateGet(request.Id, request.Language);
        var record = await db.Locations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, context.CancellationToken);
        return Localizer.Localize(Found(record, request.Id).ToProto(), request.Language);
    }

    public override Task<SearchServicesResponse> SearchServices(SearchServicesRequest request, ServerCallContext context)
    {
        RequestValidator.ValidateSearch(request);
        return Task.FromResult(search.Current.Search(request, clock.GetUtcNow()));
    }

    public override async Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        RequestValidator.ValidateListRegions(request);
        var query = db.Regions.AsNoTracking().Where(r => r.ParentAgs == request.ParentAgs);
        if (request.Level != RegionLevel.Unspecified) query = query.Where(r => r.Level == request.Level);
        var regions = await query.OrderBy(r => r.Ags).ToListAsync(context.CancellationToken);
        return new ListRegionsResponse { Regions = { regions.Select(r => r.ToProto()) } };
    }

    // ---- writes (a writer role, the entry's region, and the owner: Domain/OwnershipPolicy.cs) ----

    public override Task<Organization> UpsertOrganization(UpsertOrganizationRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        EntryValidator.Validate(Required(request.Organization, "organization"));
        return commands.UpsertAsync(request.Organization, caller, context.CancellationToken);
    }

    public override Task<Service> UpsertService(UpsertServiceRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        EntryValidator.Validate(Required(request.Service, "service"));
        return commands.UpsertAsync(request.Service, caller, context.CancellationToken);
    }

    public override Task<Location> UpsertLocation(UpsertLocationRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        EntryValidator.Validate(Required(request.Location, "location"));
        return commands.UpsertAsync(request.Location, caller, context.CancellationToken);
    }

    public override Task<ServiceAtLocation> UpsertServiceAtLocation(UpsertServiceAtLocationRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        EntryValidator.Validate(Required(request.ServiceAtLocation, "service_at_location"));
        return commands.UpsertAsync(request.ServiceAtLocation, caller, context.CancellationToken);
    }

    public override async Task<DeleteResponse> DeleteOrganization(DeleteRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        RequestValidator.ValidateDelete(request);
        return new DeleteResponse { Version = await commands.DeleteOrganizationAsync(request.Id, request.Etag, caller, context.CancellationToken) };
    }

    public override async Task<DeleteResponse> DeleteService(DeleteRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        RequestValidator.ValidateDelete(request);
        return new DeleteResponse { Version = await commands.DeleteServiceAsync(request.Id, request.Etag, caller, context.CancellationToken) };
    }

    public override async Task<DeleteResponse> DeleteLocation(DeleteRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        RequestValidator.ValidateDelete(request);
        return new DeleteResponse { Version = await commands.DeleteLocationAsync(request.Id, request.Etag, caller, context.CancellationToken) };
    }

    public override async Task<DeleteResponse> DeleteServiceAtLocation(DeleteRequest request, ServerCallContext context)
    {
        var caller = RequireWriter(context);
        RequestValidator.ValidateDelete(request);
        return new DeleteResponse { Version = await commands.DeleteServiceAtLocationAsync(request.Id, request.Etag, caller, context.CancellationToken) };
    }

    // ---- change feed ----

    /// <summary>
    /// History first, then live changes. The live subscription starts BEFORE the history is read, so a change that
    /// commits in between is in the history, the live feed or both — never in neither; duplicates are dropped by
    /// version. Live changes arrive in version order because writes are serialized.
    /// </summary>
    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<Change> responseStream, ServerCallContext context)
    {
        if (request.FromVersion < 0) throw new InvalidFieldException("from_version", "must not be negative.");
        var ct = context.CancellationToken;
        using var live = feed.Subscribe();
        var last = request.FromVersion;
        var history = db.Changes.AsNoTracking().Where(c => c.Version > last).OrderBy(c => c.Version).AsAsyncEnumerable();
        await foreach (var record in history.WithCancellation(ct))
        {
            await responseStream.WriteAsync(record.ToProto(), ct);
            last = record.Version;
        }
        try
        {
            await foreach (var change in live.Reader.ReadAllAsync(ct))
            {
                if (change.Version <= last) continue;
                await responseStream.WriteAsync(change, ct);
                last = change.Version;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: the normal end of a watch.
        }
    }

    // ---- HSDS and staleness ----

    public override Task<HsdsDocument> ExportHsds(ExportHsdsRequest request, ServerCallContext context) =>
        hsds.ExportAsync(context.CancellationToken);

    public override Task<ImportHsdsResponse> ImportHsds(HsdsDocument request, ServerCallContext context)
    {
        var caller = RequireCaller(context);
        if (!caller.IsInRole(OneStopRoles.RegionAdmin))
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Importing HSDS requires the region-admin role."));
        return hsds.ImportAsync(request.Json, caller, context.CancellationToken);
    }

    /// <summary>A region-admin sees the services of their region (Kreis and its Gemeinden); others their organization's.</summary>
    public override async Task<StalenessReport> GetStalenessReport(StalenessReportRequest request, ServerCallContext context)
    {
        var caller = RequireCaller(context);
        var query = db.Services.AsNoTracking();
        query = caller.IsInRole(OneStopRoles.RegionAdmin) && caller.RegionAgs.Length > 0
            ? query.Where(s => s.OwnerRegionAgs.StartsWith(caller.RegionAgs))
            : query.Where(s => s.OwnerOrganizationId == caller.OrganizationId && s.OwnerOrganizationId != "");
        var records = await query.ToListAsync(context.CancellationToken);
        return StalenessRules.Report(records.Select(r => r.ToProto()), clock.GetUtcNow());
    }

    private static CallerIdentity RequireCaller(ServerCallContext context) =>
        context.GetCaller() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a bearer token."));

    /// <summary>
    /// The caller, if it holds a role that writes directory data; refused before the request is even validated, so
    /// a caller that may not write learns nothing about the entries.
    /// </summary>
    private static CallerIdentity RequireWriter(ServerCallContext context)
    {
        var caller = RequireCaller(context);
        if (!OwnershipPolicy.MayWrite(caller))
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Caller may not write: {OwnershipPolicy.NoWriterRole}."));
        return caller;
    }

    private static T Required<T>(T? value, string field) where T : class =>
        value ?? throw new InvalidFieldException(field, "is required.");

    private static TRecord Found<TRecord>(TRecord? record, string id) where TRecord : class =>
        record ?? throw new EntryNotFoundException($"'{id}' does not exist.");
}
