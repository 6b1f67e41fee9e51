using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Gateway.Web.SignIn;

/// <summary>
/// The gateway's only database: the front desk's sign-in store (ASP.NET Core Identity's standard schema), a SQLite
/// file gateway-identity.db under OneStop:DataDirectory. Users carry org and region as user claims.
/// </summary>
public sealed class GatewayIdentityDbContext(DbContextOptions<GatewayIdentityDbContext> options)
    : IdentityDbContext<IdentityUser, IdentityRole, string>(options);
