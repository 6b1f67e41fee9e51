using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.ServiceDefaults.Data;

/// <summary>
/// Per-connection SQLite settings for many concurrent writers, shared by every service on the embedded SQLite default. WAL lets readers run beside the one writer;
/// busy_timeout makes a second writer wait for the lock instead of failing with SQLITE_BUSY; synchronous=NORMAL is
/// the WAL-mode setting that stays durable against process crashes while not syncing on every commit.
/// The settings belong to the physical connection, and the pool hands the same one out again and again, so they are
/// sent once per physical connection (its native handle), not on every open: that was one extra statement per
/// command. PostgreSQL connections are left alone.
/// </summary>
public sealed class SqliteWriteSettings : DbConnectionInterceptor
{
    public static readonly SqliteWriteSettings Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    // Keyed weakly by the native handle, so a physical connection the pool closes drops out on its own.
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var sqlite)) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(sqlite);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var sqlite)) return;
        await using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(sqlite);
    }

    private bool NeedsSettings(DbConnection connection, out SqliteConnection sqlite)
    {
        sqlite = (connection as SqliteConnection)!;
        return sqlite?.Handle is { } handle && !_configured.TryGetValue(handle, out _);
    }

    private void MarkConfigured(SqliteConnection sqlite)
    {
        if (sqlite.Handle is { } handle) _configured.AddOrUpdate(handle, Done);
    }
}
