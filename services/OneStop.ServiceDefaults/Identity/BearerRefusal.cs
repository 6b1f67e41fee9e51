using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.ServiceDefaults.Identity;

/// <summary>
/// Why a request's bearer token was not accepted, as RFC 6750 §3 says it: the <c>WWW-Authenticate</c> challenge
/// (<c>Bearer</c> alone when no token was sent, else <c>error</c> and <c>error_description</c>) and the same
/// description as the gRPC status message. The descriptions are fixed texts per failed check, never the validator's
/// message, so nothing about the configured keys, issuers or audiences leaves the process.
/// </summary>
public sealed record BearerRefusal(string WwwAuthenticate, string Message)
{
    /// <summary>No token at all (RFC 6750 §3.1: no error code, the client just did not know a token was needed).</summary>
    public static readonly BearerRefusal Missing = new("Bearer", "This call needs a bearer token.");

    /// <summary>A valid token without an admitted role or scope (RFC 6750 §3.1 <c>insufficient_scope</c>).</summary>
    public static readonly BearerRefusal InsufficientScope =
        WithError("insufficient_scope", "The token's roles and scopes do not allow this call");

    /// <summary>The token failed validation; <paramref name="failure"/> is the validator's exception (not shown).</summary>
    public static BearerRefusal InvalidToken(Exception? failure) => WithError("invalid_token", Describe(failure));

    /// <summary>An Authorization header that is no bearer token (RFC 6750 §3.1 <c>invalid_request</c>).</summary>
    public static BearerRefusal InvalidRequest(string description) => WithError("invalid_request", description);

    /// <summary>
    /// Null when the request sent no Authorization header or a bearer token that is valid; else the refusal. A token
    /// that was sent and fails is never treated as no token: the caller meant to be someone.
    /// </summary>
    public static async Task<BearerRefusal?> CheckPresentedTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0) return null;
        var value = header.ToString();
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !value.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return InvalidRequest("Only bearer tokens are accepted");
        if (value.Length <= "Bearer ".Length || string.IsNullOrWhiteSpace(value["Bearer ".Length..]))
            return InvalidRequest("The bearer token is empty");
        // The handler keeps its result for the request, so this is the check UseAuthentication already made where
        // JwtBearer is the default scheme, and the first one where it is not (the gateway's web front).
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        return result.Succeeded ? null : InvalidToken(result.Failure);
    }

    /// <summary>Which check failed, in words safe to show a caller.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: > 0 } many => Describe(many.InnerExceptions[0]),
        SecurityTokenExpiredException => "The token expired",
        SecurityTokenNotYetValidException => "The token is not valid yet",
        SecurityTokenNoExpirationException => "The token has no expiry",
        SecurityTokenInvalidAudienceException => "The token is meant for another audience",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSigningKeyException
            => "The token's signature is invalid",
        SecurityTokenMalformedException or ArgumentException => "The token is malformed",
        _ => "The token is invalid",
    };

    private static BearerRefusal WithError(string error, string description) =>
        new($"Bearer error=\"{error}\", error_description=\"{description}\"", description + ".");
}
