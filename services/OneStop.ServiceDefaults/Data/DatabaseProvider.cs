namespace OneStop.ServiceDefaults.Data;

/// <summary>The EF Core provider a service uses, chosen by <c>OneStop:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one SQLite file per service under the data directory.</summary>
    Sqlite,
    /// <summary>Production: PostgreSQL through Npgsql; needs <c>ConnectionStrings:{databaseName}</c>.</summary>
    Postgres,
}
