using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using KvGraph.Core.Extraction;
using KvGraph.TestSupport;

namespace KvGraph.Benchmarks;

/// <summary>
/// Extraction per stage on the real Q/A texts of the corpus (kamervragen-limburg/docs and learninglion-kamervragen/txt,
/// the bytes of issue 9's comparison with tkconv): the whole extract, the read stage (detect and the best reader), and
/// each recogniser's Find on the read texts. One operation is one pass over all those texts; the MB/s column is their
/// UTF-8 bytes per second, allocations come from the memory diagnoser.
/// <c>dotnet run -c Release --project tests/KvGraph.Benchmarks -- --filter *StageBenchmarks*</c> (add <c>--inProcess</c> on a
/// loaded machine: BenchmarkDotNet's own build of its runner project can pass its two-minute timeout there).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class StageBenchmarks
{
    private SourceDocument[] _sources = [];
    private ReadDocument[] _read = [];

    /// <summary>"extract", "read", or "cite: NAME" / "entity: NAME" for one recogniser.</summary>
    [ParamsSource(nameof(Stages))]
    public string Stage { get; set; } = "extract";

    public static IEnumerable<string> Stages =>
    [
        "extract", "read",
        .. ExtractorOptions.Default.CitationRecognizers.Select(r => "cite: " + r.Name),
        .. ExtractorOptions.Default.EntityRecognizers.Select(r => "entity: " + r.Name),
    ];

    /// <summary>The Q/A text files of the corpus (none when the corpus is not beside the clone).</summary>
    public static IReadOnlyList<string> Files =>
        !TestPaths.CorpusAvailable
            ? []
            : [.. Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "*.txt").Order(StringComparer.Ordinal),
               .. Directory.GetFiles(TestPaths.Corpus("learninglion-kamervragen", "txt"), "*.txt").Order(StringComparer.Ordinal)];

    [GlobalSetup]
    public void Setup()
    {
        if (Files.Count == 0)
        {
            throw new InvalidOperationException($"the corpus is not at {TestPaths.CorpusRaw}");
        }

        _sources = [.. Files.Select(f => new SourceDocument(f, File.ReadAllText(f)))];
        _read = [.. _sources.Select(Read)];
    }

    [Benchmark]
    public int Run()
    {
        var n = 0;
        if (Stage == "extract")
        {
            foreach (var s in _sources)
            {
                n += Extractor.Default.Extract(s).Citations.Count;
            }

            return n;
        }

        if (Stage == "read")
        {
            foreach (var s in _sources)
            {
                n += Read(s).Items.Count;
            }

            return n;
        }

        var cite = ExtractorOptions.Default.CitationRecognizers.FirstOrDefault(r => "cite: " + r.Name == Stage);
        var entity = ExtractorOptions.Default.EntityRecognizers.FirstOrDefault(r => "entity: " + r.Name == Stage);
        foreach (var read in _read)
        {
            var context = new RecognitionContext(read.Text, read.Doc, read.Items);
            n += cite is not null ? cite.Find(context).Count() : entity!.Find(context).Count();
        }

        return n;
    }

    private static ReadDocument Read(SourceDocument source)
    {
        var best = ExtractorOptions.Default.Readers.MaxBy(r => r.Detect(source))!;
        return best.Read(source);
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new Throughput());
    }

    /// <summary>MB/s: the UTF-8 bytes of <see cref="Files"/> over the mean time of one pass.</summary>
    private sealed class Throughput : IColumn
    {
        private static readonly Lazy<long> Bytes = new(() => Files.Sum(f => (long)Encoding.UTF8.GetByteCount(File.ReadAllText(f))));

        public string Id => nameof(Throughput);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "megabytes of the corpus Q/A texts per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } r && r.Mean > 0
                ? (Bytes.Value / 1e6 / (r.Mean / 1e9)).ToString("0.00", CultureInfo.InvariantCulture)
                : "-";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
