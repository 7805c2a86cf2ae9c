using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Platform;

/// <summary>
/// The hand-written migrations and the EF model must describe the same schema: a database migrated from empty is
/// compared, table by table, column by column, index by index, with one created straight from the current model.
/// </summary>
public sealed class SchemaTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_migrated_from_empty_equals_the_current_model(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);

        await using (var db = Context(migrated))
        {
            var applied = await Migrator(db, migrated).MigrateAsync();
            Assert.NotEmpty(applied);
        }

        await using (var db = Context(fromModel))
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        }

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrating_twice_applies_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var migrator = Migrator(db, database);
        Assert.NotEmpty(await migrator.MigrateAsync());
        Assert.Empty(await migrator.MigrateAsync());
        Assert.Equal(SchemaMigrator.LoadScripts(provider).Select(s => s.Version), await migrator.AppliedVersionsAsync());
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_start_up_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = Context(database);
        await Migrator(db, database).MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'tampered'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(db, database).MigrateAsync());
        Assert.Contains("was changed after it was applied", error.Message);
    }

    private static AppDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        ConnectionFor(database).Configure(options);
        return new AppDbContext(options.Options);
    }

    private static DatabaseConnection ConnectionFor(TestDatabase database) => new(
        Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }),
        Microsoft.Extensions.Options.Options.Create(new PlatformOptions { DataFolder = database.Folder }),
        new TestHostEnvironment(database.Folder));

    private static SchemaMigrator Migrator(AppDbContext db, TestDatabase database) =>
        new(db, ConnectionFor(database), NullLogger<SchemaMigrator>.Instance);

    /// <summary>A sorted, provider-native description of every table, column, index and foreign key (history table excluded).</summary>
    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var queries = database.Provider == DatabaseProvider.Sqlite
            ? new[]
            {
                """
                SELECT 'column ' || m.name || '.' || c.name || ' ' || upper(c.type) || (CASE WHEN c."notnull" = 1 THEN ' not null' ELSE '' END) || (CASE WHEN c.pk > 0 THEN ' pk' ELSE '' END)
                FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
                """,
                """
                SELECT 'index ' || m.name || ' ' || il.name || (CASE WHEN il."unique" = 1 THEN ' unique' ELSE '' END) || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
                FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE m.type = 'table' AND m.name <> 'schema_migrations' AND il.origin <> 'pk'
                """,
                """
                SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
                """,
                // Column lists alone miss DESC and partial-index filters; compare the index definitions too.
                "SELECT 'index-sql ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
            }
            : new[]
            {
                """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || (CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END)
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
                """,
                "SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
                """
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
                """,
            };
        foreach (var sql in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Hand-written scripts wrap long lines; whitespace is not part of the schema.
                var line = System.Text.RegularExpressions.Regex.Replace(reader.GetString(0), @"\s+", " ");

                // The asset search index (FTS5 trigram table, pg_trgm GIN index) is provider-specific SQL outside the
                // EF model; AssetSearchTests prove it exists and answers.
                if (!line.Contains("assets_search", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        Assert.True(lines.Count > 50, $"schema description looks empty: {lines.Count} lines");
        return lines;
    }

    private sealed class TestHostEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ParkGlobalMedia.Tests";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
