using System.Diagnostics;
using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.Ingest;
using KvGraph.Pipeline.Synth;
using KvGraph.Store;

namespace KvGraph.Bench;

/// <summary>What to measure and where.</summary>
/// <param name="Documents">The size of the generated corpus.</param>
/// <param name="Work">The folder for the corpus (<c>docs/</c>) and the store (<c>kvgraph.db</c>).</param>
/// <param name="Kvgraph">How to start kvgraph for the child runs (build, queries, serve, push).</param>
public sealed record BenchOptions(int Documents, int Seed, string Work, KvgraphCommand Kvgraph)
{
    /// <summary>Keep a corpus generated earlier with the same size and seed (1,000,000 documents take minutes to write).</summary>
    public bool Reuse { get; init; }

    /// <summary>Neo4j to push to (its root URL); no push when null.</summary>
    public Uri? Neo4j { get; init; }

    /// <summary>How long the explorer's API is loaded; zero skips it.</summary>
    public TimeSpan ApiDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Concurrent clients of the API load.</summary>
    public int Clients { get; init; } = 4;

    /// <summary>Documents sampled for the in-process query latencies.</summary>
    public int Samples { get; init; } = 200;

    /// <summary>Runs of each CLI query (the median and the slowest are reported).</summary>
    public int CliRuns { get; init; } = 5;

    /// <summary>How much of the corpus the extraction stage reads, in bytes.</summary>
    public long ExtractBytes { get; init; } = 30_000_000;

    /// <summary>A child run longer than this is killed and reported as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(3);
}

/// <summary>
/// <c>kvgraph bench</c> (issue 9): on a generated corpus of a given size, every figure the issue sets a target for, in
/// one run: generation; extraction MB/s per core and on all cores; a first build (wall, peak memory); a build with
/// nothing changed; a build after one file changed; <c>show</c>, <c>trace --depth 10</c> and <c>related</c> as CLI calls
/// (wall with start-up); trace, related and search latencies inside one process (p50/p99); the explorer's API under
/// load (<see cref="LoadDriver"/>) and with one client alone; and, given a Neo4j, a full push. Builds, queries, serve and push run as child
/// processes of the same kvgraph, so the figures are what a user sees, start-up and all.
/// </summary>
public static class EndToEndBench
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        var machine = BenchReport.DescribeMachine();
        var figures = new List<BenchFigure>();
        var c = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(options.Work);
        var docs = Path.Combine(options.Work, "docs");
        var db = Path.Combine(options.Work, "kvgraph.db");

        // 1. The corpus.
        progress?.Report($"generating {options.Documents:N0} documents in {docs}");
        var corpus = Corpus(options, docs, figures);
        cancellationToken.ThrowIfCancellationRequested();

        // 2. Extraction alone, in process: the pipeline's MB/s per core and on all cores.
        progress?.Report("extracting in process");
        Extraction(options, docs, figures);
        cancellationToken.ThrowIfCancellationRequested();

        // 3. Builds: first, nothing changed, one file changed.
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }

        progress?.Report("first build");
        var build = Child(options, ["build", docs, "--store", db]);
        figures.Add(Timed("build", $"first build, {corpus.Files:N0} files ({corpus.Documents:N0} documents)", build, options.Documents == 100_000 ? TimeSpan.FromSeconds(60) : null, options.Documents <= 100_000 ? 2L << 30 : null, Show(options, ["build", docs, "--store", db])));
        figures.Add(new BenchFigure("build", "first build, documents per second", string.Create(c, $"{corpus.Documents / build.Wall.TotalSeconds:N0}/s")));
        if (build.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"the first build failed (exit {build.ExitCode}): {Tail(build.Error)}");
        }

        progress?.Report("build with nothing changed");
        var again = Child(options, ["build", docs, "--store", db]);
        figures.Add(Timed("build", "again, nothing changed", again, TimeSpan.FromSeconds(1), null, null));

        progress?.Report("build after one file changed");
        var changed = corpus.AnAnswerFile;
        var original = await File.ReadAllBytesAsync(changed, cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(changed, "\nDe minister verwijst naar de motie van het lid Bench (Kamerstuk 36 200 VII, nr. 9).\n", cancellationToken).ConfigureAwait(false);
            var one = Child(options, ["build", docs, "--store", db]);
            figures.Add(Timed("build", $"one file changed of {corpus.Files:N0}", one, TimeSpan.FromSeconds(1), null, null));
        }
        finally
        {
            await File.WriteAllBytesAsync(changed, original, cancellationToken).ConfigureAwait(false);
        }

        // 4. Queries as CLI calls: start-up included.
        var (hub, answer) = (corpus.MostCited, corpus.AnAnswerId);
        foreach (var (what, args) in new (string, string[])[]
        {
            ($"show {hub} (the most cited)", ["show", hub, "--store", db]),
            ($"trace {answer} --depth 10", ["trace", answer, "--depth", "10", "--store", db]),
            ($"trace {hub} --depth 10 --reverse", ["trace", hub, "--depth", "10", "--reverse", "--store", db]),
            ($"related {answer}", ["related", answer, "--store", db]),
        })
        {
            progress?.Report("CLI: " + what);
            var walls = new List<double>();
            for (var i = 0; i < options.CliRuns; i++)
            {
                var run = Child(options, args);
                if (run.ExitCode != 0)
                {
                    throw new InvalidOperationException($"kvgraph {string.Join(' ', args)} failed (exit {run.ExitCode}): {Tail(run.Error)}");
                }

                walls.Add(run.Wall.TotalSeconds);
            }

            walls.Sort();
            var median = Percentiles.Of(walls, 0.5);
            figures.Add(new BenchFigure("query (CLI)", what, string.Create(c, $"median {median:0.00} s, slowest {walls[^1]:0.00} s of {walls.Count}"), "under 0.5 s", median < 0.5, Show(options, args)));
        }

        // 5. Queries inside one process.
        progress?.Report("in-process queries");
        InProcess(options, db, corpus, figures);

        // 6. The explorer's API under load.
        if (options.ApiDuration > TimeSpan.Zero)
        {
            progress?.Report(options.Clients > 1 ? $"explorer API: {options.Clients} clients for {options.ApiDuration.TotalSeconds:0} s, then 1 client for as long" : $"explorer API: 1 client for {options.ApiDuration.TotalSeconds:0} s");
            await Api(options, db, figures, cancellationToken).ConfigureAwait(false);
        }

        // 7. Push.
        if (options.Neo4j is { } neo4j)
        {
            progress?.Report("push to " + neo4j);
            string[] args = ["push", "--neo4j", neo4j.ToString(), "--store", db, "--reset"];
            var push = Child(options, args);
            var rate = push.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("relationships/s", StringComparison.Ordinal));
            var perSecond = rate is null ? (double?)null : double.Parse(rate[..rate.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.Float | NumberStyles.AllowThousands, c);
            figures.Add(new BenchFigure(
                "push",
                "full push (--reset)",
                push.ExitCode == 0 ? string.Create(c, $"{push.Wall.TotalSeconds:0.0} s wall; {rate ?? LastLine(push.Output)}") : $"failed (exit {push.ExitCode}): {Tail(push.Error)}",
                "at least 10,000 relationships/s",
                push.ExitCode == 0 && perSecond is { } r ? r >= 10_000 : false,
                Show(options, args)));
        }

        return new BenchReport(started, machine, options, figures);
    }

    private sealed record CorpusFacts(int Files, int Documents, long Bytes, string MostCited, string AnAnswerId, string AnAnswerFile, IReadOnlyList<string> Ids);

    private static CorpusFacts Corpus(BenchOptions options, string docs, List<BenchFigure> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var stamp = Path.Combine(options.Work, "corpus.txt");
        var wanted = string.Create(c, $"docs {options.Documents} seed {options.Seed}");
        if (!(options.Reuse && File.Exists(stamp) && File.ReadAllText(stamp).Trim() == wanted && File.Exists(Path.Combine(docs, SynthCorpus.TruthFileName))))
        {
            if (Directory.Exists(docs))
            {
                Directory.Delete(docs, recursive: true);
            }

            File.Delete(stamp);
            var clock = Stopwatch.StartNew();
            var summary = SynthCorpus.Write(docs, new SynthOptions(options.Documents, options.Seed));
            figures.Add(new BenchFigure("corpus", "generate", string.Create(c, $"{clock.Elapsed.TotalSeconds:0.0} s: {summary.Documents:N0} documents ({summary.Answers:N0} answers, {summary.Motions:N0} motions), {summary.Citations:N0} citations, {summary.Bytes / 1e6:0.0} MB")));
            File.WriteAllText(stamp, wanted);
        }
        else
        {
            figures.Add(new BenchFigure("corpus", "generate", "reused (same size and seed)"));
        }

        var truth = SynthCorpus.ReadTruth(docs);
        var ids = truth.Select(t => t.Id).ToList();
        var answer = truth.FirstOrDefault(t => t.Id.StartsWith("ah-", StringComparison.Ordinal) && t.Citations.Count > 2);
        var cited = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in truth.SelectMany(t => t.Citations).Select(x => x.Target))
        {
            cited[target] = cited.GetValueOrDefault(target) + 1;
        }

        var files = Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories).Where(f => !FileSource.IsSkipped(f)).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var hub = cited.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        figures.Add(new BenchFigure("corpus", "size", string.Create(c, $"{files.Count:N0} files, {ids.Count:N0} documents, {bytes / 1e6:0.0} MB; most cited {hub} ({cited[hub]:N0} citations)")));
        return new CorpusFacts(files.Count, ids.Count, bytes, hub, answer?.Id ?? ids[0], answer is null ? files[0] : Path.Combine(docs, answer.File), ids);
    }

    private static void Extraction(BenchOptions options, string docs, List<BenchFigure> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var sample = new List<(string Path, long Bytes)>();
        long total = 0;
        foreach (var f in Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories).Where(f => !FileSource.IsSkipped(f)).Order(StringComparer.Ordinal))
        {
            var length = new FileInfo(f).Length;
            sample.Add((f, length));
            total += length;
            if (total >= options.ExtractBytes)
            {
                break;
            }
        }

        // The bytes are read first: this stage is the extractor's speed, not the disk's.
        var sources = sample.Select(s => FileSource.ReadAll(s.Path)).ToList();
        var extractor = Extractor.Default;
        foreach (var warm in sources.Take(200).SelectMany(x => x))
        {
            extractor.Extract(warm);
        }

        var clock = Stopwatch.StartNew();
        foreach (var doc in sources.SelectMany(x => x))
        {
            extractor.Extract(doc);
        }

        var one = total / 1e6 / clock.Elapsed.TotalSeconds;
        figures.Add(new BenchFigure("extract", string.Create(c, $"read, clean, all recognisers and entities on one core ({sample.Count:N0} files, {total / 1e6:0.0} MB)"), string.Create(c, $"{one:0.0} MB/s"), "at least 50 MB/s per core", one >= 50));
        clock.Restart();
        Parallel.ForEach(sources.SelectMany(x => x), doc => extractor.Extract(doc));
        var all = total / 1e6 / clock.Elapsed.TotalSeconds;
        figures.Add(new BenchFigure("extract", string.Create(c, $"the same on all {Environment.ProcessorCount} cores"), string.Create(c, $"{all:0.0} MB/s")));
    }

    private static void InProcess(BenchOptions options, string db, CorpusFacts corpus, List<BenchFigure> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var random = new Random(options.Seed);
        var ids = Enumerable.Range(0, options.Samples).Select(_ => corpus.Ids[random.Next(corpus.Ids.Count)]).ToList();
        var clock = Stopwatch.StartNew();
        using var store = KvStore.OpenReadOnly(db);
        var graph = store.Graph();
        figures.Add(new BenchFigure("query (in process)", "open the store and its indexed graph", string.Create(c, $"{clock.Elapsed.TotalMilliseconds:N0} ms")));
        var words = LoadDriver.SearchWords([.. store.Documents().Take(5000).Select(d => new LoadDocument(d.Id, d.Kind, d.Title))]);
        Measure(figures, "trace depth 10", 5, ids, id => graph.Trace(id, 10));
        Measure(figures, "trace depth 10 --reverse", 5, ids, id => graph.Trace(id, 10, reverse: true));
        Measure(figures, "related (top 10)", 50, ids, id => graph.Related(id, 10));
        Measure(figures, "search (a title word, first page)", 50, [.. ids.Select((_, i) => words[i % words.Length])], w => store.Search(w, 20, 0));
    }

    private static void Measure(List<BenchFigure> figures, string what, double targetMs, IReadOnlyList<string> inputs, Action<string> query)
    {
        var c = CultureInfo.InvariantCulture;
        var samples = new List<(double Ms, string Input)>(inputs.Count);
        foreach (var input in inputs)
        {
            var clock = Stopwatch.StartNew();
            query(input);
            samples.Add((clock.Elapsed.TotalMilliseconds, input));
        }

        var latencies = samples.Select(s => s.Ms).Order().ToList();
        var p99 = Percentiles.Of(latencies, 0.99);

        // The slowest samples by name, so a p99 over its target says which inputs to look at (a hub, a long chain, a common word).
        var slowest = string.Join(", ", samples.OrderByDescending(s => s.Ms).Take(3).Select(s => string.Create(c, $"{s.Input} {s.Ms:0.0} ms")));
        figures.Add(new BenchFigure("query (in process)", string.Create(c, $"{what}, {inputs.Count} samples"), string.Create(c, $"p50 {Percentiles.Of(latencies, 0.5):0.00} ms, p99 {p99:0.00} ms, max {latencies[^1]:0.00} ms (slowest: {slowest})"), string.Create(c, $"p99 under {targetMs:0} ms"), p99 < targetMs));
    }

    private static async Task Api(BenchOptions options, string db, List<BenchFigure> figures, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        await using var server = await ServeProcess.StartAsync(options.Kvgraph, db, null, cancellationToken).ConfigureAwait(false);
        figures.Add(new BenchFigure("explorer API", "serve answers its first request after", string.Create(c, $"{clock.Elapsed.TotalSeconds:0.0} s")));
        var documents = ServeProcess.Documents(db);
        var report = await LoadDriver.RunAsync(server.Url, documents, new LoadPlan(options.Clients, options.ApiDuration, options.Seed), server.AnonymousBytes, cancellationToken).ConfigureAwait(false);
        Latencies(report, options.Clients, figures);

        // Under load, with more clients than cores, a request's p99 is mostly its wait behind the others; the latency one
        // reader sees is measured apart, on the same (now warm) server, one request after the other.
        if (options.Clients > 1)
        {
            var alone = await LoadDriver.RunAsync(server.Url, documents, new LoadPlan(1, options.ApiDuration, options.Seed), server.AnonymousBytes, cancellationToken).ConfigureAwait(false);
            Latencies(alone, 1, figures);
        }

        // The server's own memory is its anonymous part; its RSS also counts the store file's pages once per connection that maps them.
        var peak = report.Memory.Count > 0 ? report.Memory.Max(m => m.Bytes) : 0;
        var rss = server.PeakResidentBytes() ?? 0;
        figures.Add(new BenchFigure("explorer API", "all requests", string.Create(c, $"{report.Requests / report.Elapsed.TotalSeconds:0.0} requests/s, {report.Errors} errors, server memory max {peak / 1024.0 / 1024:0} MB anonymous (peak RSS {rss / 1024.0 / 1024:0} MB, counting the mapped store once per connection)")));
    }

    private static void Latencies(LoadReport report, int clients, List<BenchFigure> figures)
    {
        var c = CultureInfo.InvariantCulture;
        var who = clients == 1 ? "1 client" : string.Create(c, $"{clients} clients");
        foreach (var e in report.Endpoints)
        {
            var target = e.Endpoint switch { "trace" => 5.0, "related" or "search" => 50.0, _ => (double?)null };
            figures.Add(new BenchFigure("explorer API", string.Create(c, $"{e.Endpoint}: {e.Requests:N0} requests, {who}"), string.Create(c, $"p50 {e.P50Ms:0.0} ms, p99 {e.P99Ms:0.0} ms, {e.Errors} errors"), target is { } t ? string.Create(c, $"p99 under {t:0} ms") : null, target is { } u ? e.P99Ms < u && e.Errors == 0 : null));
        }
    }

    private static ChildResult Child(BenchOptions options, IReadOnlyList<string> args) => ChildProcess.Run(options.Kvgraph, args, options.Timeout);

    private static string Show(BenchOptions options, IReadOnlyList<string> args) => options.Kvgraph.Show(args);

    private static BenchFigure Timed(string section, string what, ChildResult run, TimeSpan? wallTarget, long? memoryTarget, string? command)
    {
        var c = CultureInfo.InvariantCulture;
        var figure = string.Create(c, $"{run.Wall.TotalSeconds:0.00} s, peak {(run.PeakBytes is { } p ? $"{p / 1024.0 / 1024:N0} MB" : "unknown")}{(run.ExitCode is 0 or 1 ? string.Empty : $", exit {run.ExitCode}")}");
        var targets = new List<string>();
        bool? met = null;
        if (wallTarget is { } w)
        {
            targets.Add(string.Create(c, $"under {w.TotalSeconds:0} s"));
            met = run.Wall < w;
        }

        if (memoryTarget is { } m)
        {
            targets.Add(string.Create(c, $"peak under {m / 1024.0 / 1024 / 1024:0} GiB"));
            met = (met ?? true) && run.PeakBytes is { } p2 && p2 < m;
        }

        return new BenchFigure(section, what, figure, targets.Count > 0 ? string.Join(", ", targets) : null, met, command);
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}
