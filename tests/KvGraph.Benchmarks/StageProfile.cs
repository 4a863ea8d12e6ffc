using System.Diagnostics;
using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.Ingest;

namespace KvGraph.Benchmarks;

/// <summary>
/// Where extraction time goes: every reader's Detect and Read, every recogniser's Find, timed over the given files.
/// <c>dotnet run -c Release -- profile &lt;files-or-folders…&gt;</c>.
/// </summary>
public static class StageProfile
{
    public static int Run(IReadOnlyList<string> inputs, TextWriter output)
    {
        var options = ExtractorOptions.Default;
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        void Add(string key, TimeSpan t) => times[key] = times.GetValueOrDefault(key) + t;
        var docs = 0;
        var total = Stopwatch.StartNew();
        foreach (var file in FileSource.Enumerate(inputs))
        {
            var sw = Stopwatch.StartNew();
            IReadOnlyList<SourceDocument> sources;
            try
            {
                sources = FileSource.ReadAll(file);
            }
            catch (DocumentFormatException)
            {
                continue;
            }

            Add("ingest: FileSource.ReadAll", sw.Elapsed);
            foreach (var source in sources)
            {
                docs++;
                IDocumentReader? best = null;
                var bestScore = 0.0;
                foreach (var reader in options.Readers)
                {
                    sw.Restart();
                    var score = reader.Detect(source);
                    Add($"detect: {reader.Format}", sw.Elapsed);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (reader, score);
                    }
                }

                if (best is null)
                {
                    continue;
                }

                sw.Restart();
                ReadDocument read;
                try
                {
                    read = best.Read(source);
                }
                catch (DocumentFormatException)
                {
                    continue;
                }

                Add($"read: {best.Format}", sw.Elapsed);
                var context = new RecognitionContext(read.Text, read.Doc, read.Items);
                foreach (var r in options.CitationRecognizers)
                {
                    sw.Restart();
                    _ = r.Find(context).Count();
                    Add($"cite: {r.Name}", sw.Elapsed);
                }

                foreach (var r in options.EntityRecognizers)
                {
                    sw.Restart();
                    _ = r.Find(context).Count();
                    Add($"entity: {r.Name}", sw.Elapsed);
                }

                sw.Restart();
                _ = Extractor.Default.Extract(source);
                Add("whole Extract", sw.Elapsed);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{docs} documents in {total.Elapsed.TotalSeconds:0.00} s (each extracted twice: by stage, then whole)"));
        foreach (var (k, v) in times.OrderByDescending(kv => kv.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v.TotalMilliseconds,10:0.0} ms  {v.TotalMilliseconds / Math.Max(1, docs),8:0.000} ms/doc  {k}"));
        }

        return 0;
    }
}
