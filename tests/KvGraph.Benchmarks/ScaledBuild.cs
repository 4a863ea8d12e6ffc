using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KvGraph.Pipeline;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Benchmarks;

/// <summary>
/// A synthetic large corpus: the real corpus (text files; PDFs only in the first copy) replicated N times into a temp
/// folder, every run of 3+ digits shifted by the replica number so zaak numbers, dossiers and ids differ per copy.
/// Builds a fresh store over it and prints files, documents, seconds, documents per second and memory; then a second,
/// incremental build (nothing changed) to show the cost of the hash check alone.
/// </summary>
public static partial class ScaledBuild
{
    public static int Run(int copies, int jobs, TextWriter output)
    {
        if (!TestPaths.CorpusAvailable)
        {
            output.WriteLine($"The corpus is not at {TestPaths.CorpusRaw}.");
            return 1;
        }

        var dir = TestPaths.NewTempDir("kvgraph-scale");
        var input = Path.Combine(dir, "input");
        var files = Directory.GetFiles(TestPaths.CorpusRaw, "*", SearchOption.AllDirectories).Where(f => !Ingest.FileSource.IsSkipped(f)).ToList();
        for (var k = 0; k < copies; k++)
        {
            foreach (var f in files)
            {
                var rel = Path.GetRelativePath(TestPaths.CorpusRaw, f);
                var target = Path.Combine(input, $"copy{k}", rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    if (k == 0)
                    {
                        File.Copy(f, target);
                    }

                    continue;
                }

                var text = File.ReadAllText(f);
                File.WriteAllText(target, k == 0 ? text : Shift(text, k), Encoding.UTF8);
            }
        }

        var inputFiles = Directory.GetFiles(input, "*", SearchOption.AllDirectories).Length;
        output.WriteLine($"Scaled corpus: {copies} copies, {inputFiles} files in {input}");
        using var store = KvStore.Open(Path.Combine(dir, "kvgraph.db"));
        var before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var report = BuildPipeline.Run(store, [input], new BuildOptions { Jobs = jobs });
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - before;
        using var self = Process.GetCurrentProcess();
        var docs = report.Stats.Documents;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build: {report.FilesSeen} files, {docs} documents, {report.Stats.Citations} citations, {report.Failures.Count} failures, {clock.Elapsed.TotalSeconds:0.00} s (store build {report.Elapsed.TotalSeconds:0.00} s), {docs / clock.Elapsed.TotalSeconds:0} documents/s, jobs {(jobs > 0 ? jobs : Environment.ProcessorCount)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB, allocated {allocated / 1024 / 1024} MB, store file {new FileInfo(store.Path).Length / 1024 / 1024} MB"));

        clock.Restart();
        var again = BuildPipeline.Run(store, [input], new BuildOptions { Jobs = jobs });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"incremental rebuild (no change): {again.Unchanged} unchanged, {again.Extracted} extracted, {clock.Elapsed.TotalSeconds:0.00} s"));

        clock.Restart();
        var graph = store.LoadGraph();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graph load: {graph.NodeCount} nodes, {graph.EdgeCount} edges, {clock.Elapsed.TotalSeconds:0.00} s"));
        Directory.Delete(input, recursive: true);
        return 0;
    }

    private static string Shift(string text, int k) =>
        Digits().Replace(text, m =>
        {
            var v = long.Parse(m.Value, CultureInfo.InvariantCulture) + k;
            return v.ToString(CultureInfo.InvariantCulture).PadLeft(m.Length, '0');
        });

    [GeneratedRegex(@"\d{3,9}", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
