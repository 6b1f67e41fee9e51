using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneStop.Appointments.Data;

/// <summary>
/// Per-connection SQLite settings for many concurrent writers. WAL lets readers run beside the one writer;
/// busy_timeout makes a second writer wait for the lock instead of failing with SQLITE_BUSY; synchronous=NORMAL is
/// the WAL-mode setting that stays durable against process crashes while not syncing on every commit.
/// PostgreSQL connections are left alone.
/// </summary>
public sealed class SqliteWriteSettings : DbConnectionInterceptor
{
    public static readonly SqliteWriteSettings Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection sqlite) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection sqlite) return;
        await using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
