using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The gateway's only database: the front desk's sign-in store (ASP.NET Core Identity's standard schema), a SQLite
/// file gateway-identity.db under OneStop:DataDirectory. Users carry org and region as user claims.
/// </summary>
public sealed class GatewayIdentityDbContext(DbContextOptions<GatewayIdentityDbContext> options)
    : IdentityDbContext<IdentityUser, IdentityRole, string>(options);

/// <summary>
/// Lets `dotnet ef --context GatewayIdentityDbContext` build the context without the gateway's host, whose start-up
/// configuration (data directory, issuers, backends) has nothing to do with the schema. Generating a migration does
/// not open the file.
/// </summary>
public sealed class GatewayIdentityDbContextFactory : IDesignTimeDbContextFactory<GatewayIdentityDbContext>
{
    public GatewayIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayIdentityDbContext>().UseSqlite("Data Source=gateway-identity-design.db").Options);
}
