using System.Text.Json;
using System.Text.Json.Serialization;
using KvGraph.Store;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// What has been pushed to one Neo4j database, per file: the version pushed and the ids needed to remove its facts
/// later. Kept in the store's push ledger (<see cref="IPushLedger"/>, table <c>push_files</c>): a push marks the files
/// of a step as under way before it writes them to Neo4j and records each one when its last transaction committed, writing
/// only those rows. A push that dies half-way leaves those files marked, and the next push replaces them.
/// </summary>
public sealed partial class PushState
{
    private readonly IPushLedger _ledger;
    private readonly Dictionary<string, PushedFileRecord> _files;

    private PushState(IPushLedger ledger)
    {
        _ledger = ledger;
        _files = new Dictionary<string, PushedFileRecord>(ledger.Load(), StringComparer.Ordinal);
    }

    /// <summary>The database this state describes: URL and database name (never credentials).</summary>
    public string Target => _ledger.Target;

    /// <summary>Files recorded for the target, by name; <see cref="PushedFileRecord.Pending"/> ones were being pushed when a push stopped.</summary>
    public IReadOnlyDictionary<string, PushedFileRecord> Files => _files;

    /// <summary>Files whose push finished (their facts in Neo4j are complete at their version).</summary>
    public int Done => _files.Values.Count(f => !f.Pending);

    /// <summary>The state held in <paramref name="ledger"/>.</summary>
    public static PushState Open(IPushLedger ledger) => new(ledger ?? throw new ArgumentNullException(nameof(ledger)));

    /// <summary>The state of <paramref name="target"/> in <paramref name="store"/> (opened for writing).</summary>
    public static PushState Open(IKvStore store, string target)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Open(store.PushLedger(target));
    }

    /// <summary>Writes these records and removals (one small transaction), then holds them.</summary>
    internal void Record(IReadOnlyCollection<PushedFileRecord> put, IReadOnlyCollection<string> remove)
    {
        if (put.Count == 0 && remove.Count == 0)
        {
            return;
        }

        _ledger.Apply(put, remove);
        foreach (var file in remove)
        {
            _files.Remove(file);
        }

        foreach (var record in put)
        {
            _files[record.File] = record;
        }
    }

    /// <summary>
    /// Records that the database holds exactly <paramref name="graph"/> (loaded with the bulk export made from it, e.g.
    /// <c>neo4j-admin database import full</c>): everything recorded before is forgotten, and every exported file is
    /// recorded as pushed at its version, so the next push sends only the files that changed since the export.
    /// </summary>
    public void MarkLoaded(Export.ExportGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.PushRecords.Count == 0 && graph.Nodes.Count > 0)
        {
            throw new InvalidOperationException("This export carries no push provenance (it was made from the embedded graph, not from the store's facts).");
        }

        Clear();
        Record(graph.PushRecords, []);
    }

    /// <summary>Forgets everything (the database was emptied or replaced).</summary>
    public void Clear()
    {
        _ledger.Clear();
        _files.Clear();
    }

    /// <summary>The state file earlier KvGraph versions wrote beside a store (read once, to migrate it into the store).</summary>
    public static string LegacyPathFor(string storePath) => storePath + ".neo4j-push.json";

    /// <summary>
    /// Moves the records of an old JSON state file (written by earlier KvGraph versions, rewritten in full after every
    /// batch) into <paramref name="ledger"/> when it describes the same target and the ledger has none yet; the file is then
    /// renamed to <c>*.migrated</c> so it is read only once. Returns how many files were taken over (0: nothing to do).
    /// </summary>
    public static int MigrateLegacyFile(string path, IPushLedger ledger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(ledger);
        if (!File.Exists(path))
        {
            return 0;
        }

        LegacyState? legacy;
        try
        {
            legacy = JsonSerializer.Deserialize(File.ReadAllText(path), LegacyJsonContext.Default.LegacyState);
        }
        catch (JsonException)
        {
            // A damaged old state only costs a full (idempotent) push.
            return 0;
        }

        if (legacy?.Files is null || legacy.Target != ledger.Target || ledger.Load().Count > 0)
        {
            return 0;
        }

        var records = legacy.Files.Select(p => new PushedFileRecord(p.Key, p.Value.Version, p.Value.Nodes ?? [], p.Value.ExtraSources ?? [])).ToList();
        ledger.Apply(records, []);
        File.Move(path, path + ".migrated", overwrite: true);
        return records.Count;
    }

    private sealed class LegacyState
    {
        [JsonPropertyName("target")]
        public string Target { get; set; } = string.Empty;

        [JsonPropertyName("files")]
        public Dictionary<string, LegacyFile>? Files { get; set; }
    }

    // Compile-time metadata for the old file (default options: names as declared by JsonPropertyName), read without reflection.
    [JsonSerializable(typeof(LegacyState))]
    private sealed partial class LegacyJsonContext : JsonSerializerContext;

    private sealed class LegacyFile
    {
        [JsonPropertyName("v")]
        public string Version { get; set; } = string.Empty;

        [JsonPropertyName("n")]
        public List<string>? Nodes { get; set; }

        [JsonPropertyName("s")]
        public List<string>? ExtraSources { get; set; }
    }
}
