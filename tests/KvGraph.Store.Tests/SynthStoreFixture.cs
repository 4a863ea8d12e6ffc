using KvGraph.Pipeline;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// A generated corpus with hubs (3,000 documents, seed 5: motions cited hundreds of times, people and dossiers named in
/// hundreds of files), built once through the real pipeline into a temporary store that the indexed-graph tests only read.
/// The real corpus cites nothing more than twice; the narrow reads are for hubs.
/// </summary>
public sealed class SynthStoreFixture : IDisposable
{
    private readonly TempFolder folder = new("kvgraph-synth-store");

    public SynthStoreFixture()
    {
        var docs = Path.Combine(folder.FullPath, "docs");
        KvGraph.Pipeline.Synth.SynthCorpus.Write(docs, new KvGraph.Pipeline.Synth.SynthOptions(3000, 5));
        StorePath = folder.File("synth.db");
        using var writer = KvStore.Open(StorePath);
        var report = BuildPipeline.Run(writer, [docs]);
        if (report.Failures.Count > 0)
        {
            throw new InvalidOperationException("Generated corpus build failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
        }
    }

    /// <summary>The store file (open it read-only: the tests share it).</summary>
    public string StorePath { get; }

    public void Dispose() => folder.Dispose();
}
