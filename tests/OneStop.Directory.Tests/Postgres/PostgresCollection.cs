using OneStop.TestSupport;

namespace OneStop.Directory.Tests.Postgres;

/// <summary>One PostgreSQL cluster for every Postgres test class; each test makes its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";

    /// <summary>The directory's configuration for <paramref name="connectionString"/>: provider Postgres.</summary>
    public static IReadOnlyDictionary<string, string?> DirectorySettings(string connectionString) =>
        PostgresServerFixture.ServiceSettings(OneStop.Directory.Extensions.DatabaseName, connectionString);
}
