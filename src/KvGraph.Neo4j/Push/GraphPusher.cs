using System.Diagnostics;
using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Schema;
using KvGraph.Store;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// Pushes the citation graph to Neo4j: schema first, then the facts of every file whose version changed since the last
/// push. Transactions are sized by rows, not files (a large file is split over many), and run in parallel.
/// </summary>
/// <remarks>
/// Files go in steps of up to <see cref="PushOptions.StepRows"/> rows. Each step:
/// <list type="number">
/// <item>marks its files as under way in the push state, with every node id they may write (old and new);</item>
/// <item>deletes those files' old relationships and takes the files off their old nodes;</item>
/// <item>merges the nodes (and bare placeholders for relationship endpoints), in row batches partitioned by node id, in parallel;</item>
/// <item>merges the relationships, in row batches partitioned by target node (a hub's relationships all go through one
/// partition), one transaction at a time unless <see cref="PushOptions.RelationshipParallelism"/> says otherwise (a
/// deadlock the server reports is a transient error and the batch is retried, which is safe because every statement is a MERGE);</item>
/// <item>demotes nodes no file asserts any more to bare placeholders;</item>
/// <item>records each file as pushed at its version.</item>
/// </list>
/// The next step's facts are read while the server works on a step (its state writes stay in step order, see
/// <c>PushAsync</c>). A kill anywhere leaves the step's files marked as under way: the next push deletes whatever they may have written and
/// pushes them again, then sweeps placeholders nothing points to, so it ends with the graph of a clean push.
/// </remarks>
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
    private readonly ServerBatching _batching;

    public GraphPusher(ICypherRunner runner, PushOptions? options = null)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _options = options ?? new PushOptions();
        if (_options.BatchRows < 1 || _options.StepRows < 1 || _options.StepFiles < 1 || _options.Parallelism < 1 || _options.RelationshipParallelism < 1)
        {
            throw new ArgumentException("Batch and step sizes and the parallelism must be at least 1.", nameof(options));
        }

        _batching = ServerBatching.For(_runner.Server, _options.BatchRows);
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

    /// <summary>
    /// Deletes every KvGraph node and relationship in slices of at most <paramref name="slice"/> relationships, then of
    /// nodes, so a large graph needs no huge transaction. Returns the number of nodes deleted.
    /// </summary>
    public static async Task<long> DeleteAllAsync(ICypherRunner runner, long slice = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentOutOfRangeException.ThrowIfLessThan(slice, 1);
        var limit = new Dictionary<string, object?> { ["limit"] = slice };
        await DeleteFilesAsync(runner, slice, cancellationToken).ConfigureAwait(false);
        while (await DeleteSliceAsync(LoaderStatements.DeleteRelationshipsSlice).ConfigureAwait(false) > 0)
        {
        }

        long total = 0;
        while (await DeleteSliceAsync(LoaderStatements.DeleteAllSlice).ConfigureAwait(false) is var deleted and > 0)
        {
            total += deleted;
        }

        return total;

        async Task<long> DeleteSliceAsync(string statement)
        {
            var result = await runner.RunAsync(new CypherStatement(statement, limit), cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Deletes every provenance node (<see cref="GraphVocabulary.FileLabel"/>) in slices: their ASSERTS first, at most
    /// <paramref name="slice"/> per transaction (a hub has one from almost every file), then the nodes.
    /// </summary>
    private static async Task DeleteFilesAsync(ICypherRunner runner, long slice, CancellationToken cancellationToken)
    {
        var limit = new Dictionary<string, object?> { ["limit"] = slice };
        foreach (var statement in new[] { LoaderStatements.DeleteAssertionsSlice, LoaderStatements.DeleteFilesSlice })
        {
            while (true)
            {
                var result = await runner.RunAsync(new CypherStatement(statement, limit), cancellationToken).ConfigureAwait(false);
                if (Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Refuses a database whose KvGraph nodes carry the old provenance model (a <c>files</c> list on every asserted node
    /// and shared relationship, no provenance nodes): this push could not take those files off, so the graph would
    /// keep stale facts. Cheap: the scan runs only when the count store shows KvGraph nodes and no provenance node.
    /// </summary>
    private static async Task RefuseOldProvenanceAsync(ICypherRunner runner, long nodes, CancellationToken cancellationToken)
    {
        if (nodes == 0)
        {
            return;
        }

        var files = await runner.RunAsync(new CypherStatement(LoaderStatements.CountFiles), cancellationToken).ConfigureAwait(false);
        if (Convert.ToInt64(files.Rows[0][0], CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        var old = await runner.RunAsync(new CypherStatement(LoaderStatements.OldProvenanceNode), cancellationToken).ConfigureAwait(false);
        if (old.Rows.Count > 0)
        {
            throw new Neo4jException(
                "KvGraph.OldProvenance",
                $"the database holds a KvGraph graph pushed by an older KvGraph, whose provenance is a 'files' list on each node (node '{old.Rows[0][0]}' has one); this version records provenance as :{GraphVocabulary.FileLabel} nodes and cannot update that graph in place. Run 'kvgraph push --reset' to delete it and push the store again.",
                null,
                false);
        }
    }

    /// <summary>Counts KvGraph's nodes and relationships from the server's count store (no scan of the graph).</summary>
    public static async Task<(long Nodes, long Relationships)> CountAsync(ICypherRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var results = await runner.RunInTransactionAsync(
            [new CypherStatement(LoaderStatements.CountNodes), new CypherStatement(LoaderStatements.CountRelationships)], cancellationToken).ConfigureAwait(false);
        return (Convert.ToInt64(results[0].Rows[0][0], CultureInfo.InvariantCulture), Convert.ToInt64(results[1].Rows[0][0], CultureInfo.InvariantCulture));
    }

    private static async Task<long> CountNodesAsync(ICypherRunner runner, CancellationToken cancellationToken)
    {
        var r = await runner.RunAsync(new CypherStatement(LoaderStatements.CountNodes), cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(r.Rows[0][0], CultureInfo.InvariantCulture);
    }

    /// <summary>Pushes what changed in <paramref name="source"/> since <paramref name="state"/>, recording every finished step in it.</summary>
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

        var nodesAtStart = await CountNodesAsync(_runner, cancellationToken).ConfigureAwait(false);
        await RefuseOldProvenanceAsync(_runner, nodesAtStart, cancellationToken).ConfigureAwait(false);
        if (nodesAtStart == 0)
        {
            // No KvGraph node: provenance nodes left (a wiped graph, a push stopped before its first node) describe nothing.
            await DeleteFilesAsync(_runner, 10_000, cancellationToken).ConfigureAwait(false);
        }

        var stateReset = false;
        if (state.Files.Count > 0 && nodesAtStart == 0)
        {
            // The state says we pushed, the database is empty: it was wiped or replaced. Push everything again.
            state.Clear();
            stateReset = true;
        }

        var versions = source.Versions().GroupBy(v => v.File, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var current = versions.Select(v => v.File).ToHashSet(StringComparer.Ordinal);
        var changed = versions.Where(v => !(state.Files.TryGetValue(v.File, out var pushed) && !pushed.Pending && pushed.Version == v.Version)).ToList();
        var unchanged = versions.Count - changed.Count;
        var removed = state.Files.Keys.Where(f => !current.Contains(f)).Order(StringComparer.Ordinal).ToList();

        // Something may be left to clean up: placeholders that lost their last relationship, here or in a push that stopped.
        var sweep = state.Files.Count > 0;
        var run = new Run(this, state, progress, changed.Count + removed.Count, nodesAtStart == 0, cancellationToken);
        var failures = new List<PushFailure>();
        var step = new List<FileRows>();
        var stepRows = 0;
        var versionOf = changed.ToDictionary(v => v.File, v => v.Version, StringComparer.Ordinal);
        var reading = Stopwatch.StartNew();

        // The next step is read (and its rows made) while the server works on the one before: a step's server work touches
        // neither the source nor the push state, and every state write (a step under way, a step done) stays on this one
        // flow, in step order, as if the steps ran one after the other. At most two steps' rows are held at once.
        Task? inFlight = null;
        IReadOnlyList<FileRows>? inFlightFiles = null;
        try
        {
            foreach (var facts in source.Load(changed))
            {
                run.Time("read", reading);
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

                if (step.Count > 0 && (stepRows + rows.RowCount > _options.StepRows || step.Count >= _options.StepFiles))
                {
                    await HandOverAsync(step).ConfigureAwait(false);
                    step = [];
                    stepRows = 0;
                }

                step.Add(rows);
                stepRows += rows.RowCount;
                reading.Restart();
            }

            run.Time("read", reading);

            failures.AddRange(versionOf.Keys.Order(StringComparer.Ordinal).Select(f => new PushFailure(f, "the source listed this file but returned no facts for it")));
            step.AddRange(removed.Select(f => FileRows.From(f, null, null)));
            await HandOverAsync(step).ConfigureAwait(false);
            await HandOverAsync([]).ConfigureAwait(false);
        }
        catch when (inFlight is not null)
        {
            // Reading failed or was cancelled with a step at the server: let it end before the failure leaves the push and
            // its runner, and record it done if it succeeded (if not, its files stay under way and the next push redoes them).
            await Task.WhenAny(inFlight).ConfigureAwait(false);
            if (inFlight.IsCompletedSuccessfully)
            {
                run.Finish(inFlightFiles!);
            }

            throw;
        }

        var phase = Stopwatch.StartNew();
        if (sweep)
        {
            var swept = await _runner.RunAsync(new CypherStatement(LoaderStatements.SweepPlaceholders), cancellationToken).ConfigureAwait(false);
            run.Add(swept.Counters);
            run.Time("sweep", phase);
        }

        var (nodes, rels) = await CountAsync(_runner, cancellationToken).ConfigureAwait(false);
        run.Time("count", phase);
        return new PushSummary
        {
            FilesInSource = versions.Count,
            FilesPushed = run.FilesPushed,
            FilesUnchanged = unchanged,
            FilesRemoved = removed.Count,
            Failures = failures,
            Batches = run.Batches,
            NodeRows = run.NodeRows,
            EdgeRows = run.EdgeRows,
            Counters = run.Counters,
            NodesInDatabase = nodes,
            RelationshipsInDatabase = rels,
            Retries = _runner.Retries - retriesBefore,
            StateReset = stateReset,
            Elapsed = clock.Elapsed,
            Phases = run.Phases,
            ServerVersion = _runner.Server.Version.ToString(),
            Api = _runner.Server.Api.ToString(),
        };

        // Waits for the step at the server and records it done, then marks next's files as under way and starts it.
        async Task HandOverAsync(IReadOnlyList<FileRows> next)
        {
            if (inFlight is not null)
            {
                var (work, files) = (inFlight, inFlightFiles!);
                inFlight = null;
                await work.ConfigureAwait(false);
                run.Finish(files);
            }

            if (next.Count > 0)
            {
                inFlight = run.Start(next);
                inFlightFiles = next;
            }
        }
    }

    /// <summary>One push under way: its steps, the batches they commit, and what it counted.</summary>
    private sealed class Run(GraphPusher pusher, PushState state, IProgress<PushProgress>? progress, int toPush, bool databaseWasEmpty, CancellationToken ct)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TimeSpan> _phases = new(StringComparer.Ordinal);
        private int _batches;
        private int _done;
        private long _nodeRows;
        private long _edgeRows;

        public int FilesPushed { get; private set; }

        public int Batches => _batches;

        public long NodeRows => _nodeRows;

        public long EdgeRows => _edgeRows;

        public IReadOnlyDictionary<string, long> Counters => _counters;

        public IReadOnlyDictionary<string, TimeSpan> Phases => _phases;

        /// <summary>Adds the time <paramref name="clock"/> ran to <paramref name="phase"/> and restarts it.</summary>
        public void Time(string phase, Stopwatch clock)
        {
            lock (_gate)
            {
                _phases[phase] = _phases.GetValueOrDefault(phase) + clock.Elapsed;
            }

            clock.Restart();
        }

        public void Add(IReadOnlyDictionary<string, long> counters)
        {
            lock (_gate)
            {
                foreach (var (k, v) in counters)
                {
                    _counters[k] = _counters.GetValueOrDefault(k) + v;
                }
            }
        }

        /// <summary>
        /// Starts a step: marks its files as under way in the push state (here, on the caller's flow: the state is the
        /// store's, which is not to be used from two threads at once), then returns its server work, which touches neither
        /// the state nor the source. <see cref="Finish"/> records the files done once that work has ended.
        /// </summary>
        public Task Start(IReadOnlyList<FileRows> files)
        {
            // 1. Under way: every id each file may write, so that whatever a kill leaves behind can be found and removed.
            var clock = Stopwatch.StartNew();
            var old = files.ToDictionary(f => f.File, f => state.Files.GetValueOrDefault(f.File), StringComparer.Ordinal);
            state.Record(files.Select(f => Pending(f, old[f.File])).ToList(), []);
            Time("state", clock);
            return StepAsync(files, old);
        }

        /// <summary>6. Done: each file of a step at its version, with the ids a later push needs to remove its facts.</summary>
        public void Finish(IReadOnlyList<FileRows> files)
        {
            var clock = Stopwatch.StartNew();
            var put = files.Where(f => f.Version is not null).Select(PushedRecord).ToList();
            state.Record(put, files.Where(f => f.Version is null).Select(f => f.File).ToList());
            Time("state", clock);
            lock (_gate)
            {
                FilesPushed += put.Count;
                _done += files.Count;
            }

            Report();
        }

        private async Task StepAsync(IReadOnlyList<FileRows> files, Dictionary<string, PushedFileRecord?> old)
        {
            var options = pusher._options;
            var clock = Stopwatch.StartNew();

            // 2. Old facts out: evidence relationships found from their sources (rows folded by node id, {id, files}: a node
            // many files of the step cite from is visited once), then each file's provenance record: its shared
            // relationships counted down, its ASSERTS deleted (ClearFilesAsync).
            var deleteFrom = new SortedDictionary<string, List<object?>>(StringComparer.Ordinal);
            var clear = new List<string>();
            var demote = new SortedSet<string>(StringComparer.Ordinal);
            var fold = new RowFold();
            foreach (var f in files)
            {
                var before = old[f.File];
                var sources = new SortedSet<string>(f.EdgeSources, StringComparer.Ordinal);
                if (before is not null)
                {
                    sources.UnionWith(before.Nodes);
                    sources.UnionWith(before.Sources);
                    demote.UnionWith(before.Nodes.Where(id => !f.AssertedIds.Contains(id)));
                }
                else if (databaseWasEmpty)
                {
                    // Nothing of a file the state never saw can be in a database that was empty when this push began.
                    sources.Clear();
                }

                if (before is not null || !databaseWasEmpty)
                {
                    clear.Add(f.File);
                }

                foreach (var id in sources)
                {
                    AddTo(deleteFrom, id, f.File);
                }

                fold.Add(f);
            }

            // Deletions touch relationships that several files share: one transaction at a time, so they never deadlock.
            foreach (var batch in Chunk(deleteFrom, options.BatchRows))
            {
                await CommitAsync([new CypherStatement(LoaderStatements.DeleteFileEdges, Rows(batch))], 0, 0).ConfigureAwait(false);
            }

            var kept = files.Where(f => f.Version is not null).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
            await ClearFilesAsync(clear, kept).ConfigureAwait(false);

            // Every file the step pushes has its provenance node before any of its facts: a graph with KvGraph nodes then
            // always has some (how a push tells this model from the old one, see PushAsync), and the batches only find them.
            foreach (var batch in kept.Order(StringComparer.Ordinal).Cast<object?>().Chunk(options.BatchRows))
            {
                await CommitAsync([new CypherStatement(LoaderStatements.EnsureFileNodes, new Dictionary<string, object?> { ["files"] = batch.ToList() })], 0, 0).ConfigureAwait(false);
            }

            Time("delete", clock);

            // 3. Nodes: one folded row per node (all the step's files on it), then bare placeholders for the endpoints no
            // file of this step names (they may exist already; MERGE keeps what is there). Batches are disjoint by id,
            // so they run in parallel without waiting on each other.
            fold.AddEndpoints();
            var nodeBatches = ChunkBy(fold.Nodes, pusher._batching.RequestRows, n => Math.Max(1, n.RowCount)).ToList();
            await Parallel.ForEachAsync(nodeBatches, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (batch, _) =>
            {
                // Rows are counted as the files sent them before folding, so rates stay comparable across versions.
                await CommitRowsAsync(NodeStatements(batch), batch.Sum(n => n.RowCount), 0).ConfigureAwait(false);
            }).ConfigureAwait(false);
            Time("nodes", clock);

            // 4. Relationships: evidence rows as they are, shared ones folded (one row per relationship, all its files), then
            // the files' ASSERTS, one row per (file, asserted node).
            var edgeRows = new List<EdgeBatchRow>();
            edgeRows.AddRange(fold.EvidenceEdges.Select(e => new EdgeBatchRow(e.Source, e.Target, e.Type, false, e.Values, 1)));
            edgeRows.AddRange(fold.SharedEdges.Select(e => new EdgeBatchRow(e.Source, e.Target, e.Type, true, e.Row(), e.RowCount, e.All.ToList())));
            // File by file, so that a batch's ASSERTS of one file travel in one row (see EdgeStatements).
            edgeRows.AddRange(fold.Nodes.Where(n => n.Asserted).SelectMany(n => n.All.Select(file => (File: file, n.Id)))
                .GroupBy(a => a.File, StringComparer.Ordinal).SelectMany(g => g)
                .Select(a => new EdgeBatchRow(FileNode(a.File), a.Id, GraphVocabulary.AssertsType, false, a.File, 1)));
            await RelationshipsAsync(edgeRows).ConfigureAwait(false);
            Time("relationships", clock);

            // 5. Nodes no file asserts any more become bare placeholders.
            foreach (var batch in demote.Chunk(options.BatchRows))
            {
                await CommitAsync([new CypherStatement(LoaderStatements.DemoteOrphans, new Dictionary<string, object?> { ["ids"] = batch.ToList<object?>() })], 0, 0).ConfigureAwait(false);
            }

            Time("demote", clock);
        }

        /// <summary>
        /// Takes <paramref name="paths"/>' provenance out: reads the shared-relationship keys each file recorded, then per
        /// batch of files, in ONE transaction, counts those relationships down (deleting them at 0) and deletes the files'
        /// ASSERTS and keys, and the nodes of the files not in <paramref name="kept"/> (removed from the source; the others
        /// are pushed again). A batch either happens whole or not at all, so a retry or a later push cannot count a file off twice.
        /// </summary>
        private async Task ClearFilesAsync(IReadOnlyList<string> paths, IReadOnlySet<string> kept)
        {
            var options = pusher._options;
            foreach (var chunk in paths.Chunk(options.BatchRows))
            {
                var read = await pusher._runner.RunAsync(new CypherStatement(LoaderStatements.ReadFileKeys, new Dictionary<string, object?> { ["files"] = chunk.ToList<object?>() }), ct).ConfigureAwait(false);
                var keysOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var r in read.Rows)
                {
                    if (r[0] is string path)
                    {
                        keysOf[path] = r[1] is IEnumerable<object?> keys ? keys.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).ToList() : [];
                    }
                }

                foreach (var batch in ChunkBy(chunk, options.BatchRows, p => keysOf.GetValueOrDefault(p)?.Count ?? 0))
                {
                    var statements = new List<CypherStatement>();
                    var by = batch.SelectMany(p => keysOf.GetValueOrDefault(p) ?? []).GroupBy(k => k, StringComparer.Ordinal)
                        .Select(g => (Key: LoaderStatements.ParseSharedKey(g.Key), By: (long)g.Count()));
                    foreach (var type in by.GroupBy(x => x.Key.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        var rows = type.Select(x => (object?)Row(("s", x.Key.Source), ("t", x.Key.Target), ("by", x.By))).ToList();
                        statements.Add(new CypherStatement(LoaderStatements.UnshareEdges(type.Key), new Dictionary<string, object?> { ["rows"] = rows }));
                    }

                    var again = batch.Where(kept.Contains).ToList<object?>();
                    var gone = batch.Where(p => !kept.Contains(p)).ToList<object?>();
                    if (again.Count > 0)
                    {
                        statements.Add(new CypherStatement(LoaderStatements.ClearFileNodes, new Dictionary<string, object?> { ["files"] = again }));
                    }

                    if (gone.Count > 0)
                    {
                        statements.Add(new CypherStatement(LoaderStatements.DeleteFileNodes, new Dictionary<string, object?> { ["files"] = gone }));
                    }

                    await CommitAsync(statements, 0, 0).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Commits a step's relationship rows. One lane: in batches, one after the other. More lanes
        /// (<see cref="PushOptions.RelationshipParallelism"/>): <see cref="RelationshipLanes.Plan"/> splits the rows so
        /// that no two batches in flight at once share a node (creating a relationship locks both its nodes); a deadlock
        /// the server reports anyway is a transient error and the batch is retried (every statement is a MERGE).
        /// </summary>
        private async Task RelationshipsAsync(List<EdgeBatchRow> rows)
        {
            var options = pusher._options;
            var plan = RelationshipLanes.Plan(rows, options.RelationshipParallelism, pusher._batching.RequestRows);
            foreach (var round in plan)
            {
                await Parallel.ForEachAsync(round, new ParallelOptions { MaxDegreeOfParallelism = options.RelationshipParallelism, CancellationToken = ct }, async (lane, _) =>
                {
                    foreach (var batch in ChunkBy(lane, pusher._batching.RequestRows, r => r.Size))
                    {
                        // Rows are the facts' rows (ASSERTS rows are provenance), so rates stay comparable across versions.
                        await CommitRowsAsync(EdgeStatements(batch), 0, batch.Where(r => r.Type != GraphVocabulary.AssertsType).Sum(r => r.Size)).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            }
        }

        /// <summary>Commits a node or relationship batch: one transaction, or on a server that batches rows itself, one implicit transaction per statement.</summary>
        private async Task CommitRowsAsync(IReadOnlyList<CypherStatement> statements, int nodeRows, int edgeRows)
        {
            if (!pusher._batching.ServerCommits)
            {
                await CommitAsync(statements, nodeRows, edgeRows).ConfigureAwait(false);
                return;
            }

            var wrapped = pusher._batching.Apply(statements);
            for (var i = 0; i < wrapped.Count; i++)
            {
                var last = i == wrapped.Count - 1;
                await CommitAsync([wrapped[i]], last ? nodeRows : 0, last ? edgeRows : 0).ConfigureAwait(false);
            }
        }

        private async Task CommitAsync(IReadOnlyList<CypherStatement> statements, int nodeRows, int edgeRows)
        {
            var results = await pusher._runner.RunInTransactionAsync(statements, ct).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var r in results)
                {
                    foreach (var (k, v) in r.Counters)
                    {
                        _counters[k] = _counters.GetValueOrDefault(k) + v;
                    }
                }

                _batches++;
                _nodeRows += nodeRows;
                _edgeRows += edgeRows;
            }

            Report();
        }

        private void Report()
        {
            if (progress is null)
            {
                return;
            }

            lock (_gate)
            {
                progress.Report(new PushProgress(_done, toPush, _batches, _nodeRows, _edgeRows));
            }
        }

        private static PushedFileRecord Pending(FileRows f, PushedFileRecord? before)
        {
            var nodes = new SortedSet<string>(f.AssertedIds, StringComparer.Ordinal);
            var sources = new SortedSet<string>(f.EdgeSources, StringComparer.Ordinal);
            if (before is not null)
            {
                nodes.UnionWith(before.Nodes);
                sources.UnionWith(before.Sources);
            }

            sources.ExceptWith(nodes);
            return new PushedFileRecord(f.File, null, [.. nodes], [.. sources]);
        }
    }

    /// <summary>
    /// How node and relationship rows are committed on this server, chosen by its version here and nowhere else. Before
    /// 4.4: the client's transaction is the batch (<see cref="PushOptions.BatchRows"/> rows). 4.4 and later: a request
    /// carries <see cref="ServerRequestFactor"/> times as many rows and the server commits them
    /// <see cref="PushOptions.BatchRows"/> at a time (<see cref="LoaderStatements.InTransactions"/>), which saves the
    /// round trips; since a failed request may leave some of its inner transactions committed and is retried whole,
    /// every file is then added to <c>files</c> only where absent (idempotent).
    /// </summary>
    internal sealed record ServerBatching(bool ServerCommits, int RequestRows, int BatchRows)
    {
        /// <summary>Rows per request, in batches the server commits, over rows per server-side transaction.</summary>
        public const int ServerRequestFactor = 10;

        public static ServerBatching For(Neo4jServerInfo server, int batchRows)
        {
            ArgumentNullException.ThrowIfNull(server);
            return server.SupportsCallInTransactions
                ? new ServerBatching(true, batchRows * ServerRequestFactor, batchRows)
                : new ServerBatching(false, batchRows, batchRows);
        }

        /// <summary>The batch's statements as this server runs them.</summary>
        public IReadOnlyList<CypherStatement> Apply(IReadOnlyList<CypherStatement> statements) => ServerCommits
            ? statements.Select(s => new CypherStatement(LoaderStatements.InTransactions(s.Text, BatchRows), s.Parameters)).ToList()
            : statements;
    }

    /// <summary>The statements of one batch of folded nodes: one per label, placeholders last (they never overwrite a real node).</summary>
    internal static List<CypherStatement> NodeStatements(IReadOnlyList<RowFold.Node> batch)
    {
        var statements = new List<CypherStatement>();
        foreach (var group in batch.Where(n => n.Asserted).GroupBy(n => n.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            statements.Add(new CypherStatement(LoaderStatements.MergeNodes(group.Key), new Dictionary<string, object?> { ["rows"] = group.Select(n => (object?)n.Row()).ToList() }));
        }

        var placeholders = batch.Where(n => !n.Asserted).Select(n => (object?)n.Row()).ToList();
        if (placeholders.Count > 0)
        {
            statements.Add(new CypherStatement(LoaderStatements.MergePlaceholders, new Dictionary<string, object?> { ["rows"] = placeholders }));
        }

        return statements;
    }

    /// <summary>The statements of one relationship batch: one per type, evidence and shared relationships apart, ASSERTS last.</summary>
    internal static List<CypherStatement> EdgeStatements(IReadOnlyList<EdgeBatchRow> batch)
    {
        var statements = new List<CypherStatement>();
        foreach (var group in batch.GroupBy(e => (e.Type, e.Shared)).OrderBy(g => g.Key.Type == GraphVocabulary.AssertsType).ThenBy(g => g.Key.Shared).ThenBy(g => g.Key.Type, StringComparer.Ordinal))
        {
            if (group.Key.Type == GraphVocabulary.AssertsType)
            {
                // An ASSERTS row's Row is its file: one statement row per file, {file, ids}, its nodes in batch order.
                var byFile = group.GroupBy(e => (string)e.Row, StringComparer.Ordinal)
                    .Select(g => (object?)Row(("file", g.Key), ("ids", g.Select(e => (object?)e.Target).ToList()))).ToList();
                statements.Add(new CypherStatement(LoaderStatements.MergeAssertions, new Dictionary<string, object?> { ["rows"] = byFile }));
                continue;
            }

            var text = group.Key.Shared ? LoaderStatements.MergeSharedEdges(group.Key.Type) : LoaderStatements.MergeEdges(group.Key.Type);
            statements.Add(new CypherStatement(text, new Dictionary<string, object?> { ["rows"] = group.Select(e => (object?)e.Row).ToList() }));
        }

        return statements;
    }

    /// <summary>Consecutive batches of <paramref name="items"/> of at most <paramref name="maxSize"/> (by <paramref name="size"/>; an item larger than that is a batch alone).</summary>
    internal static IEnumerable<List<T>> ChunkBy<T>(IEnumerable<T> items, int maxSize, Func<T, int> size)
    {
        var batch = new List<T>();
        var total = 0;
        foreach (var item in items)
        {
            var n = Math.Max(1, size(item));
            if (batch.Count > 0 && total + n > maxSize)
            {
                yield return batch;
                batch = [];
                total = 0;
            }

            batch.Add(item);
            total += n;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static void AddTo(SortedDictionary<string, List<object?>> filesById, string id, string file)
    {
        if (!filesById.TryGetValue(id, out var list))
        {
            list = [];
            filesById[id] = list;
        }

        list.Add(file);
    }

    private static IEnumerable<List<object>> Chunk(SortedDictionary<string, List<object?>> filesById, int maxSize) =>
        ChunkBy(filesById, maxSize, p => p.Value.Count).Select(b => b.Select(p => (object)Row(("id", p.Key), ("files", p.Value))).ToList());

    private static int Partition(string id, int partitions) => (int)((uint)StableHash(id) % (uint)partitions);

    private static int StableHash(string s)
    {
        // FNV-1a: string.GetHashCode is randomised per process, and partitions should not depend on the run.
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }

    private static Dictionary<string, object?> Rows(List<object> rows) => new() { ["rows"] = rows.ToList<object?>() };

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            d[k] = v;
        }

        return d;
    }

    /// <summary>One node a file names: its label and cleaned properties (a placeholder's only count if the push creates the node).</summary>
    internal sealed record NodeRow(string Id, string Label, IReadOnlyDictionary<string, object?> Props, bool IsEndpoint);

    /// <summary>
    /// A relationship row as a batch sends it: its endpoints, type, statement row (for an ASSERTS row, its file's path:
    /// <see cref="EdgeStatements"/> makes one row per file), how many files' rows it stands for, and for a shared
    /// relationship the files whose provenance nodes it writes (they are locked as its endpoints are).
    /// </summary>
    internal sealed record EdgeBatchRow(string Source, string Target, string Type, bool Shared, object Row, int Size, IReadOnlyList<string>? Files = null)
    {
        /// <summary>Every node the row's statement writes, as <see cref="RelationshipLanes"/> keeps lanes apart by them: endpoints and files' nodes.</summary>
        public IEnumerable<string> Locked()
        {
            yield return Source;
            yield return Target;
            foreach (var f in Files ?? [])
            {
                yield return FileNode(f);
            }
        }
    }

    /// <summary>A file's provenance node as a lane-planning key, apart from every node id.</summary>
    internal static string FileNode(string file) => "\0file:" + file;

    /// <summary>One relationship row: its type, whether it is shared (no evidence span) and the parameter row (<c>{s, t, key, file, props}</c> for evidence).</summary>
    internal sealed record EdgeRow(string Source, string Target, string Type, bool Shared, IReadOnlyDictionary<string, object?> Values)
    {
        /// <summary>The relationship's own properties.</summary>
        public IReadOnlyDictionary<string, object?> Props => (IReadOnlyDictionary<string, object?>)Values["props"]!;
    }

    /// <summary>One file's facts as parameter rows, validated against the whitelist.</summary>
    internal sealed class FileRows
    {
        public required string File { get; init; }

        /// <summary>Null when the file was removed from the source.</summary>
        public required string? Version { get; init; }

        public required IReadOnlyList<NodeRow> Nodes { get; init; }

        public required IReadOnlyList<EdgeRow> Edges { get; init; }

        public required HashSet<string> AssertedIds { get; init; }

        public required HashSet<string> EdgeSources { get; init; }

        public IEnumerable<string> ExtraSources => EdgeSources.Where(s => !AssertedIds.Contains(s)).Order(StringComparer.Ordinal);

        public int RowCount => Nodes.Count + Edges.Count;

        public static FileRows From(string file, string? version, DocumentFacts? facts)
        {
            var nodes = new List<NodeRow>();
            var edges = new List<EdgeRow>();
            var asserted = new HashSet<string>(StringComparer.Ordinal);
            var sources = new HashSet<string>(StringComparer.Ordinal);
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

                    if (n.Label != NodeLabel.Placeholder)
                    {
                        asserted.Add(n.Id);
                    }

                    nodes.Add(new NodeRow(n.Id, n.Label, props, false));
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
                        edges.Add(new EdgeRow(e.Source, e.Target, e.Type, false, Row(("s", e.Source), ("t", e.Target), ("key", EvidenceKey(file, ordinal++)), ("file", file), ("props", props))));
                    }
                    else
                    {
                        edges.Add(new EdgeRow(e.Source, e.Target, e.Type, true, Row(("s", e.Source), ("t", e.Target), ("file", file), ("props", props))));
                    }

                    sources.Add(e.Source);
                }
            }

            return new FileRows
            {
                File = file,
                Version = version,
                Nodes = nodes,
                Edges = edges,
                AssertedIds = asserted,
                EdgeSources = sources,
            };
        }
    }

    /// <summary>A file as the push state records it once all its facts are in Neo4j: its version and the ids a later push needs to remove them.</summary>
    internal static PushedFileRecord PushedRecord(FileRows f) =>
        new(f.File, f.Version, [.. f.AssertedIds.Order(StringComparer.Ordinal)], [.. f.ExtraSources]);

    /// <summary>The key of a file's n-th evidence relationship (a quote at a span), unique within the file.</summary>
    public static string EvidenceKey(string file, int ordinal) => $"{file}#{ordinal.ToString(CultureInfo.InvariantCulture)}";
}
