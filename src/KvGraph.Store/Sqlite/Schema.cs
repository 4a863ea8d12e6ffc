using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// The versioned schema. <c>PRAGMA user_version</c> holds the schema version and the <c>migrations</c> table records
/// when each step was applied. Opening runs the missing steps in one transaction; a store written by a newer KvGraph
/// (user_version above <see cref="Current"/>) is refused rather than guessed at.
/// </summary>
internal static class Schema
{
    /// <summary>The schema version this build of KvGraph writes.</summary>
    public const int Current = 9;

    /// <summary>
    /// The oldest schema a read-only open accepts as it is: every read (documents, search, graph, stats) needs only step 1's
    /// tables; later steps add what writers use (step 2: the Neo4j push ledger). So `stats`, `search` and `serve` keep
    /// working on a store an earlier KvGraph wrote, and the next build or push upgrades it.
    /// </summary>
    public const int ReadableFrom = 1;

    private static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (1, "initial", """
            CREATE TABLE IF NOT EXISTS migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL);
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta(key, value) VALUES ('version', '0');
            -- One row per input file. version: the store version at which this file's facts last changed.
            CREATE TABLE files(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                size INTEGER NOT NULL,
                mtime TEXT NOT NULL,
                status TEXT NOT NULL,
                error TEXT,
                extractor TEXT NOT NULL,
                version INTEGER NOT NULL);
            CREATE INDEX files_version ON files(version);
            -- One row per document a file asserts (a JSON Lines file of motion records asserts many).
            CREATE TABLE documents(
                rowid INTEGER PRIMARY KEY,
                file_id INTEGER NOT NULL REFERENCES files(id),
                id TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT,
                date TEXT,
                is_primary INTEGER NOT NULL,
                weight INTEGER NOT NULL,
                sponsors TEXT NOT NULL,
                askers TEXT NOT NULL,
                answerers TEXT NOT NULL,
                parent TEXT,
                json TEXT);
            CREATE INDEX documents_id ON documents(id);
            CREATE INDEX documents_file ON documents(file_id);
            CREATE TABLE aliases(alias TEXT NOT NULL COLLATE NOCASE, doc_id TEXT NOT NULL, file_id INTEGER NOT NULL, priority INTEGER NOT NULL);
            CREATE INDEX aliases_alias ON aliases(alias);
            CREATE INDEX aliases_file ON aliases(file_id);
            -- Raw graph facts per file, as extracted (targets unresolved).
            CREATE TABLE nodes(file_id INTEGER NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL, name TEXT, props TEXT NOT NULL);
            CREATE INDEX nodes_file ON nodes(file_id);
            CREATE TABLE edges(file_id INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL, props TEXT NOT NULL);
            CREATE INDEX edges_file ON edges(file_id);
            CREATE INDEX edges_target ON edges(target);
            CREATE TABLE deletions(path TEXT NOT NULL, version INTEGER NOT NULL);
            CREATE INDEX deletions_version ON deletions(version);
            CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
            """),
        (2, "push-state", """
            -- What has been pushed to each Neo4j target (URL|database), per file (IPushLedger). version NULL: the file is being
            -- pushed and its facts in Neo4j may be partial; nodes/sources then cover everything it may have written there.
            CREATE TABLE push_files(
                target TEXT NOT NULL,
                file TEXT NOT NULL,
                version TEXT,
                nodes TEXT NOT NULL,
                sources TEXT NOT NULL,
                PRIMARY KEY(target, file)) WITHOUT ROWID;
            """),
        (3, "person-names", """
            -- Search lists a person when the query is their name: an index, so that check is a seek, not a scan of every node.
            CREATE INDEX IF NOT EXISTS nodes_label_name ON nodes(label, name COLLATE NOCASE);
            """),
        (4, "resolved-facts", """
            -- (IF NOT EXISTS, as step 3: a store whose migration record was lost or rolled back can run this step again.)
            -- The graph as queries read it, without assembling it (ResolvedFacts, IndexedGraph): per file its RESOLVED facts
            -- (the change feed's, as pushed to Neo4j), seq their order within the file; filled at each build's commit for the
            -- files it changed. A node is the merge of its rows in file (path) order; edges by source and by target.
            CREATE TABLE IF NOT EXISTS rnodes(file_id INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL, name TEXT, props TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS rnodes_id ON rnodes(id, label);
            CREATE INDEX IF NOT EXISTS rnodes_file ON rnodes(file_id);
            CREATE INDEX IF NOT EXISTS rnodes_label_name ON rnodes(label, name COLLATE NOCASE);
            CREATE INDEX IF NOT EXISTS rnodes_id_nocase ON rnodes(id COLLATE NOCASE);
            CREATE TABLE IF NOT EXISTS redges(file_id INTEGER NOT NULL, seq INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
                positioned INTEGER NOT NULL, props TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS redges_source ON redges(source, type);
            CREATE INDEX IF NOT EXISTS redges_target ON redges(target, type);
            CREATE INDEX IF NOT EXISTS redges_file ON redges(file_id);
            CREATE INDEX IF NOT EXISTS redges_answers ON redges(source, target) WHERE type = 'ANSWERS';
            -- Per file: which of its documents have a counting edge of a type to a node of a label (Relatedness's populations).
            CREATE TABLE IF NOT EXISTS rfeatures(file_id INTEGER NOT NULL, doc TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS rfeatures_file ON rfeatures(file_id);
            -- Every real document and every member of a case of two or more, with the case's representative and the kind.
            CREATE TABLE IF NOT EXISTS rcases(id TEXT PRIMARY KEY, rep TEXT NOT NULL, kind TEXT, real INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS rcases_rep ON rcases(rep);
            -- Documents merged into another (a motion record into its Kamerstuk; Resolver.Merges): an alias of one finds the other.
            CREATE TABLE IF NOT EXISTS rmerged(id TEXT PRIMARY KEY, into_id TEXT NOT NULL) WITHOUT ROWID;
            -- The files whose resolved facts are in the tables above (so rows of a removed file are found without a scan).
            CREATE TABLE IF NOT EXISTS rfiles(file_id INTEGER PRIMARY KEY);
            -- Whole-graph figures recomputed at commit: case count, populations, the stats counts.
            CREATE TABLE IF NOT EXISTS rcounts(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            """),
        (5, "search-ids", """
            -- Search turns its best full-text matches (documents_fts rowids) into document ids, and counts the documents that
            -- match, through this narrow index instead of the documents rows (each holds a text, a page or more of its own).
            CREATE INDEX IF NOT EXISTS documents_rowid_id ON documents(rowid, id);
            """),
        (6, "motions-by-date", """
            -- A commit that changed a few files resolves them by index (ResolverScope): the motions, and those of a day (the
            -- texts an open-data record may be merged with), are read through this index instead of a scan of every document.
            CREATE INDEX IF NOT EXISTS documents_kind_date ON documents(kind, date);
            """),
        (7, "person-directory", """
            -- A commit that changed a few files reads only the persons their mentions can reach (SqliteKvStore.PersonDirectoryFor),
            -- and of them only what decides the directory: person names by id, parties by person, the mentions that carry
            -- initials (the only ones namesakes are told apart by), and the double-named persons whose name shortens to an id
            -- (PersonIdentity.ShortFormId of the node's name, or of its id without one), one row per person node that has one.
            CREATE INDEX IF NOT EXISTS nodes_person ON nodes(id, name, file_id) WHERE label = 'Person';
            CREATE INDEX IF NOT EXISTS edges_member_of ON edges(source, target, file_id) WHERE type = 'MEMBER_OF';
            CREATE INDEX IF NOT EXISTS edges_member_of_initials ON edges(source) WHERE type = 'MEMBER_OF' AND json_extract(props, '$.initials') IS NOT NULL;
            CREATE INDEX IF NOT EXISTS edges_person_initials ON edges(target) WHERE json_extract(props, '$.initials') IS NOT NULL;
            CREATE TABLE IF NOT EXISTS person_short(file_id INTEGER NOT NULL, short_id TEXT NOT NULL, id TEXT NOT NULL);
            DELETE FROM person_short;
            INSERT INTO person_short(file_id, short_id, id)
                SELECT file_id, s, id FROM (SELECT file_id, id, kv_short_form_id(coalesce(name, id)) AS s FROM nodes WHERE label = 'Person')
                WHERE s IS NOT NULL AND s <> id;
            CREATE INDEX IF NOT EXISTS person_short_short ON person_short(short_id);
            CREATE INDEX IF NOT EXISTS person_short_file ON person_short(file_id);
            """),
        (8, "citers-keys", $"""
            -- A hub's cited-by list (show, trace --reverse: IndexedGraph.CitesKeysInto and NodeKeys) reads its thousands of
            -- citations' positions and citers' dates and kinds from these two indexes alone, not from rows scattered over the
            -- tables. SQLite keeps them on every insert and delete; a first build makes them again after its fill, as the others.
            CREATE INDEX IF NOT EXISTS rnodes_keys ON rnodes(id, label, name, {string.Join(", ", KvGraph.Core.Graph.ICitationKeys.Keys.Select(k => KeyColumn("props", k)))});
            CREATE INDEX IF NOT EXISTS redges_cites_keys ON redges(target, type, source, file_id, seq, positioned, {KeyColumn("props", "start")})
                WHERE type = '{KvGraph.Core.Graph.EdgeType.Cites}';
            """),
        (9, "one-node-id-index", """
            -- rnodes_id (id, label) is a prefix of rnodes_keys (id, label, name, the citation keys; step 8): every look-up and
            -- scan by id, or by id and label, is served by rnodes_keys as well, so the store no longer keeps both. A first
            -- build of 100,000 documents made it from 1.2 M rows at its commit, and every later write of a node row
            -- inserted into both.
            DROP INDEX IF EXISTS rnodes_id;
            """),
    ];

    /// <summary>
    /// The expression a property <paramref name="key"/> of a row's JSON <paramref name="props"/> column is read and indexed
    /// by (step 8): a query that reads it by the same expression is answered from the index.
    /// </summary>
    public static string KeyColumn(string props, string key) => $"json_extract({props}, '$.{key}')";

    /// <summary>Brings the database to <see cref="Current"/>, or throws <see cref="StoreException"/> for a newer schema.</summary>
    public static void Migrate(SqliteConnection connection, string path, bool readOnly)
    {
        var version = UserVersion(connection);
        if (version > Current)
        {
            throw new StoreException(
                $"{path} was written by a newer KvGraph (schema version {version}; this KvGraph reads up to {Current}). Upgrade kvgraph, or build a new store with --store <other path>.");
        }

        if (version == Current)
        {
            return;
        }

        if (readOnly && version >= ReadableFrom)
        {
            return;
        }

        if (readOnly)
        {
            throw new StoreException(version == 0
                ? $"{path} is not a KvGraph store (empty or another database). Run `kvgraph build` to create one."
                : $"{path} has schema version {version}; open it once for writing (kvgraph build) to upgrade it to {Current}.");
        }

        if (version == 0 && HasTables(connection))
        {
            throw new StoreException($"{path} is a SQLite database but not a KvGraph store; refusing to change it. Use --store <other path>.");
        }

        // Step 7 fills person_short with Core's rule for a double surname's short form: one implementation, called from SQL.
        connection.CreateFunction<string?, string?>(ShortFormFunction, PersonShortForm, isDeterministic: true);
        using var tx = connection.BeginTransaction();
        foreach (var (v, name, sql) in Steps.Where(s => s.Version > version).OrderBy(s => s.Version))
        {
            Exec(connection, tx, sql);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO migrations(version, name, applied) VALUES ($v, $n, $a)";
            cmd.Parameters.AddWithValue("$v", v);
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$a", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
            Exec(connection, tx, $"PRAGMA user_version = {v}");
        }

        tx.Commit();
    }

    /// <summary>The SQL function step 7 computes <c>person_short.short_id</c> with.</summary>
    private const string ShortFormFunction = "kv_short_form_id";

    /// <summary>
    /// The short-form id a person node is found under in <c>person_short</c> (<see cref="KvGraph.Core.Entities.People.PersonIdentity.ShortFormId"/>
    /// of its name, or of its id when it has none), or null when it has none other than its own id.
    /// </summary>
    public static string? PersonShortForm(string? nameOrId) =>
        string.IsNullOrWhiteSpace(nameOrId) ? null : KvGraph.Core.Entities.People.PersonIdentity.ShortFormId(nameOrId);

    public static int UserVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
