using Microsoft.Extensions.Configuration;

namespace OneStop.ServiceDefaults.Data;

/// <summary>Where one service's database is: provider and connection string, resolved from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "OneStop:Database:Provider";
    public const string DataDirectoryKey = "OneStop:DataDirectory";

    /// <summary>
    /// Sqlite (default): <c>ConnectionStrings:{databaseName}</c>, else the file <c>{dataDirectory}/{databaseName}.db</c>
    /// with the directory created. Postgres: <c>ConnectionStrings:{databaseName}</c>, required.
    /// </summary>
    public static DatabaseSettings Resolve(IConfiguration configuration, string contentRoot, string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        var provider = ParseProvider(configuration[ProviderKey]);
        var configured = configuration.GetConnectionString(databaseName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    $"{ProviderKey} is Postgres but ConnectionStrings:{databaseName} is not set " +
                    $"(environment variable ConnectionStrings__{databaseName}).");
            }
            return new DatabaseSettings(provider, configured);
        }
        if (!string.IsNullOrWhiteSpace(configured)) return new DatabaseSettings(provider, configured);

        var directory = Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } d ? d : Path.Combine(contentRoot, ".data"));
        Directory.CreateDirectory(directory);
        return new DatabaseSettings(provider, $"Data Source={Path.Combine(directory, databaseName + ".db")}");
    }

    private static DatabaseProvider ParseProvider(string? value) => value?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var v when v.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var v when v.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || v.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase)
            => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{value}'."),
    };
}
