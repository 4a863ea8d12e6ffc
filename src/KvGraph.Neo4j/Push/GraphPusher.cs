using System.Diagnostics;
using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// Pushes the citation graph to Neo4j: schema first, then the facts of every file whose version changed since
/// the last push, in batched <c>UNWIND $rows … MERGE</c> transactions, saving the push state after each commit.
/// Idempotent (MERGE on ids and per-file relationship keys), incremental (unchanged files are skipped; a changed
/// file's old facts are removed first), resumable (a new push continues after the last committed batch).
/// </summary>
public sealed class GraphPusher
{
    private static readonly HashSet<string> SchemaAlreadyThere = new(StringComparer.Ordinal)
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
        "Neo.ClientError.Procedure.ProcedureCallFailed",
    };

    private readonly ICypherRunner _runner;
    private readonly PushOptions _options;

    public GraphPusher(ICypherRunner runner, PushOptions? options = null)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _options = options ?? new PushOptions();
        if (_options.BatchRows < 1 || _options.BatchFiles < 1)
        {
            throw new ArgumentException("Batch sizes must be at least 1.", nameof(options));
        }
    }

    /// <summary>Creates constraints and indexes in the server's syntax; ones that exist already are fine.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        foreach (var statement in SchemaStatements.For(_runner.Server))
        {
            try
            {
                // Schema changes cannot share a transaction with data (or, on 3.x, with each other).
                await _runner.RunAsync(new CypherStatement(statement), cancellationToken).ConfigureAwait(false);
            }
            catch (Neo4jException e) when (SchemaAlreadyThere.Contains(e.Code))
            {
            }
        }
    }

    /// <summary>Deletes every KvGraph node and relationship (in slices, so a large graph does not need one huge transaction).</summary>
    public static async Task<long> DeleteAllAsync(ICypherRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        long total = 0;
        while (true)
        {
            var result = await runner.RunAsync(new CypherStatement(LoaderStatements.DeleteAllSlice, new Dictionary<string, object?> { ["limit"] = 10_000L }), cancellationToken).ConfigureAwait(false);
            var deleted = Convert.ToInt64(result.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
            total += deleted;
            if (deleted == 0)
            {
                return total;
            }
        }
    }

    /// <summary>Counts KvGraph's nodes and relationships in the database.</summary>
    public static async Task<(long Nodes, long Relationships)> CountAsync(ICypherRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var r = await runner.RunAsync(new CypherStatement(LoaderStatements.CountGraph), cancellationToken).ConfigureAwait(false);
        return (Convert.ToInt64(r.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r.Rows[0][1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Pushes what changed in <paramref name="source"/> since <paramref name="state"/>, saving the state after every batch.</summary>
    public async Task<PushSummary> PushAsync(IFactsSource source, PushState state, IProgress<PushProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(state);
        var clock = Stopwatch.StartNew();
        var retriesBefore = _runner.Retries;
        if (_options.CreateSchema)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        var stateReset = false;
        if (state.Files.Count > 0 && (await CountAsync(_runner, cancellationToken).ConfigureAwait(false)).Nodes == 0)
        {
            // The state says we pushed, the database is empty: it was wiped or replaced. Push everything again.
            state.Clear();
            state.Save();
            stateReset = true;
        }

        var versions = source.Versions().GroupBy(v => v.File, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var current = versions.Select(v => v.File).ToHashSet(StringComparer.Ordinal);
        var changed = versions.Where(v => !(state.Files.TryGetValue(v.File, out var pushed) && pushed.Version == v.Version)).ToList();
        var unchanged = versions.Count - changed.Count;
        var removed = state.Files.Keys.Where(f => !current.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var toPush = changed.Count + removed.Count;

        var failures = new List<PushFailure>();
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        int batches = 0, done = 0, pushedFiles = 0;
        long nodeRows = 0, edgeRows = 0;
        var batch = new List<FileRows>();
        var batchRows = 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var results = await _runner.RunInTransactionAsync(BuildStatements(batch, state), cancellationToken).ConfigureAwait(false);
            foreach (var r in results)
            {
                foreach (var (k, v) in r.Counters)
                {
                    counters[k] = counters.GetValueOrDefault(k) + v;
                }
            }

            // Committed: record it, so an interrupted push resumes after this batch.
            foreach (var f in batch)
            {
                if (f.Version is null)
                {
                    state.Files.Remove(f.File);
                }
                else
                {
                    state.Files[f.File] = new PushedFile { Version = f.Version, Nodes = f.AssertedIds.Order(StringComparer.Ordinal).ToList(), ExtraSources = f.ExtraSources.ToList() };
                    pushedFiles++;
                }

                nodeRows += f.NodeCount;
                edgeRows += f.EdgeCount;
            }

            state.Save();
            batches++;
            done += batch.Count;
            batch.Clear();
            batchRows = 0;
            progress?.Report(new PushProgress(done, toPush, batches, nodeRows, edgeRows));
        }

        async Task AddAsync(FileRows rows)
        {
            if (batch.Count > 0 && (batchRows + rows.RowCount > _options.BatchRows || batch.Count >= _options.BatchFiles))
            {
                await FlushAsync().ConfigureAwait(false);
            }

            batch.Add(rows);
            batchRows += rows.RowCount;
        }

        var versionOf = changed.ToDictionary(v => v.File, v => v.Version, StringComparer.Ordinal);
        foreach (var facts in source.Load(changed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!versionOf.Remove(facts.File, out var version))
            {
                continue;
            }

            FileRows rows;
            try
            {
                rows = FileRows.From(facts.File, version, facts);
            }
            catch (InvalidDataException e)
            {
                failures.Add(new PushFailure(facts.File, e.Message));
                continue;
            }

            await AddAsync(rows).ConfigureAwait(false);
        }

        failures.AddRange(versionOf.Keys.Order(StringComparer.Ordinal).Select(f => new PushFailure(f, "the source listed this file but returned no facts for it")));
        foreach (var file in removed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AddAsync(FileRows.From(file, null, null)).ConfigureAwait(false);
        }

        await FlushAsync().ConfigureAwait(false);
        var sweep = await _runner.RunAsync(new CypherStatement(LoaderStatements.SweepPlaceholders), cancellationToken).ConfigureAwait(false);
        foreach (var (k, v) in sweep.Counters)
        {
            counters[k] = counters.GetValueOrDefault(k) + v;
        }

        var (nodes, rels) = await CountAsync(_runner, cancellationToken).ConfigureAwait(false);
        return new PushSummary
        {
            FilesInSource = versions.Count,
            FilesPushed = pushedFiles,
            FilesUnchanged = unchanged,
            FilesRemoved = removed.Count,
            Failures = failures,
            Batches = batches,
            NodeRows = nodeRows,
            EdgeRows = edgeRows,
            Counters = counters,
            NodesInDatabase = nodes,
            RelationshipsInDatabase = rels,
            Retries = _runner.Retries - retriesBefore,
            StateReset = stateReset,
            Elapsed = clock.Elapsed,
            ServerVersion = _runner.Server.Version.ToString(),
            Api = _runner.Server.Api.ToString(),
        };
    }

    /// <summary>The statements of one batch, in the order that makes a re-push replace a file's facts exactly.</summary>
    internal static List<CypherStatement> BuildStatements(IReadOnlyList<FileRows> batch, PushState state)
    {
        var statements = new List<CypherStatement>();
        var deleteRows = new List<object?>();
        var unassertRows = new List<object?>();
        var demote = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in batch)
        {
            var old = state.Files.GetValueOrDefault(f.File);
            var sources = new HashSet<string>(f.EdgeSources, StringComparer.Ordinal);
            if (old is not null)
            {
                sources.UnionWith(old.Nodes);
                sources.UnionWith(old.ExtraSources);
                unassertRows.Add(Row(("file", f.File), ("ids", old.Nodes.ToList<object?>())));
                demote.UnionWith(old.Nodes.Where(id => !f.AssertedIds.Contains(id)));
            }

            if (sources.Count > 0)
            {
                deleteRows.Add(Row(("file", f.File), ("ids", sources.Order(StringComparer.Ordinal).ToList<object?>())));
            }
        }

        if (deleteRows.Count > 0)
        {
            statements.Add(new CypherStatement(LoaderStatements.DeleteFileEdges, new Dictionary<string, object?> { ["rows"] = deleteRows }));
        }

        if (unassertRows.Count > 0)
        {
            statements.Add(new CypherStatement(LoaderStatements.UnassertNodes, new Dictionary<string, object?> { ["rows"] = unassertRows }));
        }

        foreach (var group in batch.SelectMany(f => f.NodeRowsByLabel).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            statements.Add(new CypherStatement(LoaderStatements.MergeNodes(group.Key), new Dictionary<string, object?> { ["rows"] = group.SelectMany(p => p.Value).ToList() }));
        }

        foreach (var group in batch.SelectMany(f => f.EdgeRowsByType).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            statements.Add(new CypherStatement(LoaderStatements.MergeEdges(group.Key), new Dictionary<string, object?> { ["rows"] = group.SelectMany(p => p.Value).ToList() }));
        }

        foreach (var group in batch.SelectMany(f => f.SharedEdgeRowsByType).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            statements.Add(new CypherStatement(LoaderStatements.MergeSharedEdges(group.Key), new Dictionary<string, object?> { ["rows"] = group.SelectMany(p => p.Value).ToList() }));
        }

        if (demote.Count > 0)
        {
            statements.Add(new CypherStatement(LoaderStatements.DemoteOrphans, new Dictionary<string, object?> { ["ids"] = demote.Order(StringComparer.Ordinal).ToList<object?>() }));
        }

        return statements;
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            d[k] = v;
        }

        return d;
    }

    /// <summary>One file's facts as parameter rows, validated against the whitelist.</summary>
    internal sealed class FileRows
    {
        public required string File { get; init; }

        /// <summary>Null when the file was removed from the source.</summary>
        public required string? Version { get; init; }

        public required Dictionary<string, List<object?>> NodeRowsByLabel { get; init; }

        public required Dictionary<string, List<object?>> EdgeRowsByType { get; init; }

        public required Dictionary<string, List<object?>> SharedEdgeRowsByType { get; init; }

        public required HashSet<string> AssertedIds { get; init; }

        public required HashSet<string> EdgeSources { get; init; }

        public IEnumerable<string> ExtraSources => EdgeSources.Where(s => !AssertedIds.Contains(s)).Order(StringComparer.Ordinal);

        public int NodeCount { get; init; }

        public int EdgeCount { get; init; }

        public int RowCount => NodeCount + EdgeCount;

        public static FileRows From(string file, string? version, DocumentFacts? facts)
        {
            var nodes = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
            var edges = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
            var shared = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
            var asserted = new HashSet<string>(StringComparer.Ordinal);
            var sources = new HashSet<string>(StringComparer.Ordinal);
            int nodeCount = 0, edgeCount = 0;
            if (facts is not null)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var n in facts.Nodes)
                {
                    if (!GraphVocabulary.IsKnownLabel(n.Label) || n.Label == GraphVocabulary.IdentityLabel)
                    {
                        throw new InvalidDataException($"node '{n.Id}' has label '{n.Label}', which is not a KvGraph label");
                    }

                    if (!seen.Add(n.Id))
                    {
                        continue;
                    }

                    var props = PropertyValues.Clean(n.Properties);
                    if (n.Name is not null)
                    {
                        props["name"] = n.Name;
                    }

                    if (n.Label == NodeLabel.Placeholder)
                    {
                        Add(nodes, n.Label, Row(("id", n.Id), ("props", props)));
                    }
                    else
                    {
                        asserted.Add(n.Id);
                        Add(nodes, n.Label, Row(("id", n.Id), ("file", file), ("props", props)));
                    }

                    nodeCount++;
                }

                var ordinal = 0;
                foreach (var e in facts.Edges)
                {
                    if (!GraphVocabulary.IsKnownEdgeType(e.Type))
                    {
                        throw new InvalidDataException($"edge {e.Source} -> {e.Target} has type '{e.Type}', which is not a KvGraph relationship type");
                    }

                    var props = PropertyValues.Clean(e.Properties);
                    props.Remove("file");
                    props.Remove("key");
                    if (e.Properties.ContainsKey("start"))
                    {
                        // Evidence (a quote at a span): one relationship per occurrence, keyed within its file.
                        Add(edges, e.Type, Row(("s", e.Source), ("t", e.Target), ("key", $"{file}#{ordinal++}"), ("file", file), ("props", props)));
                    }
                    else
                    {
                        Add(shared, e.Type, Row(("s", e.Source), ("t", e.Target), ("file", file), ("props", props)));
                    }

                    sources.Add(e.Source);
                    edgeCount++;
                }
            }

            return new FileRows
            {
                File = file,
                Version = version,
                NodeRowsByLabel = nodes,
                EdgeRowsByType = edges,
                SharedEdgeRowsByType = shared,
                AssertedIds = asserted,
                EdgeSources = sources,
                NodeCount = nodeCount,
                EdgeCount = edgeCount,
            };
        }

        private static void Add(Dictionary<string, List<object?>> map, string key, object row)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(row);
        }
    }
}
