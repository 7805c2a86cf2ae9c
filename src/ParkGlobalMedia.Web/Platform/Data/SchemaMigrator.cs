using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>
/// Applies the hand-written, versioned SQL scripts embedded under <c>Platform/Data/Migrations/{Provider}/</c>.
/// EF's design-time tooling cannot be restored here, and plain SQL per provider keeps each database's DDL exact
/// (SQLite FTS tables and PostgreSQL trigram indexes will differ later anyway). A test proves that the migrated
/// schema equals the EF model on both providers.
/// </summary>
public sealed partial class SchemaMigrator(AppDbContext db, DatabaseConnection connection, ILogger<SchemaMigrator> logger)
{
    private const string HistoryTable = "schema_migrations";

    public sealed record Script(string Version, string Name, string Sql, string Checksum);

    /// <summary>The scripts for the configured provider, in version order.</summary>
    public IReadOnlyList<Script> Scripts => LoadScripts(connection.Provider);

    public static IReadOnlyList<Script> LoadScripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[prefix.Length..^4];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
                return new Script(fileName[..separator], fileName[(separator + 1)..], sql, checksum);
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applies every pending script, each in its own transaction with its history row. Returns the versions applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = Scripts;
        var dbConnection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (connection.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers proceed while a writer commits; the setting persists in the file.
                await ExecuteAsync(dbConnection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await ExecuteAsync(dbConnection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version VARCHAR(20) NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL);",
                cancellationToken);

            var applied = new List<string>();
            foreach (var script in scripts)
            {
                await using var transaction = await dbConnection.BeginTransactionAsync(cancellationToken);
                if (connection.Provider == DatabaseProvider.Postgres)
                {
                    // Instances starting together queue here; the loser then sees the script as applied.
                    await ExecuteAsync(dbConnection, transaction, "SELECT pg_advisory_xact_lock(73112501);", cancellationToken);
                }

                var recorded = await ReadChecksumAsync(dbConnection, transaction, script.Version, cancellationToken);
                if (recorded is not null)
                {
                    if (recorded != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {script.Version}_{script.Name} was changed after it was applied to this database. " +
                            "Applied migrations are immutable: add a new script instead.");
                    }

                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }

                await ExecuteAsync(dbConnection, transaction, script.Sql, cancellationToken);
                await using (var insert = dbConnection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO {HistoryTable} (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                    AddParameter(insert, "@v", script.Version);
                    AddParameter(insert, "@n", script.Name);
                    AddParameter(insert, "@c", script.Checksum);
                    AddParameter(insert, "@a", DateTime.UtcNow.ToString("O"));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogApplied(script.Version, script.Name, connection.Provider);
                applied.Add(script.Version);
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Versions already applied, for the CLI's status output.</summary>
    public async Task<IReadOnlyList<string>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        var dbConnection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = dbConnection.CreateCommand();
            command.CommandText = $"SELECT version FROM {HistoryTable} ORDER BY version";
            var versions = new List<string>();
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    versions.Add(reader.GetString(0));
                }
            }
            catch (DbException)
            {
                // No history table yet: nothing applied.
            }

            return versions;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ReadChecksumAsync(DbConnection connection, DbTransaction transaction, string version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT checksum FROM {HistoryTable} WHERE version = @v";
        AddParameter(command, "@v", version);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} {Name} on {Provider}")]
    private partial void LogApplied(string version, string name, DatabaseProvider provider);
}
