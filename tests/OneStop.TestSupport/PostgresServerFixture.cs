using Npgsql;
using Xunit;

namespace OneStop.TestSupport;

/// <summary>
/// A throw-away PostgreSQL cluster for one test collection: initdb in a temp directory, a server on 127.0.0.1 and a
/// free port (unix socket in the temp directory too), one fresh database per test, stopped and deleted on dispose.
/// Missing server programs fail the tests with the install hint; they are never skipped.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private const string User = "onestop";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "onestop-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _password = Guid.NewGuid().ToString("N");
    private PostgresBinaries? _binaries;
    private int _databases;

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");
    private string LogFile => Path.Combine(_root, "server.log");

    public async Task InitializeAsync()
    {
        try
        {
            _binaries = PostgresBinaries.Find();
            System.IO.Directory.CreateDirectory(_root);
            var passwordFile = Path.Combine(_root, "password");
            await File.WriteAllTextAsync(passwordFile, _password);
            await PostgresBinaries.GiveToServiceUserAsync(_root, CommandTimeout);
            await _binaries.RunAsync("initdb", ["-D", DataDirectory, "-U", User, "--pwfile", passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"], _root, CommandTimeout);
            File.Delete(passwordFile);
            await StartServerAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The server's own time zone is not UTC on purpose: stored instants must not depend on it. fsync is off: the
    /// cluster is thrown away, and the tests should not wait for the disk.
    /// </summary>
    private async Task StartServerAsync()
    {
        Port = FreePort.Pick();
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_root} " +
                      "-c timezone=Europe/Berlin -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        try
        {
            await _binaries!.RunAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "30", "start"],
                _root, CommandTimeout);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no server log)";
            throw new InvalidOperationException($"PostgreSQL did not start on 127.0.0.1:{Port}.\n{log}", e);
        }
    }

    /// <summary>A new, empty database; the connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// A service's configuration for <paramref name="connectionString"/>: provider Postgres, the connection string under
    /// the service's database name (what <c>AddOneStopDbContext</c> reads).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ServiceSettings(string databaseName, string connectionString) => new Dictionary<string, string?>
    {
        ["OneStop:Database:Provider"] = "Postgres",
        [$"ConnectionStrings:{databaseName}"] = connectionString,
    };

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Password = _password,
        Database = database,
        Timeout = 10,
        CommandTimeout = 30,
    }.ConnectionString;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_binaries is not null && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await _binaries.RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"], _root, CommandTimeout);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Best effort; the directory is removed below either way.
            }
        }
        try
        {
            if (System.IO.Directory.Exists(_root)) System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
