using OneStop.Directory.Tests.TestSupport;

namespace OneStop.Directory.Tests.Postgres;

/// <summary>One PostgreSQL cluster for every Postgres test class; each test makes its own database in it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
