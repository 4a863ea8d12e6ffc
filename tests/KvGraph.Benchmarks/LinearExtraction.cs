using System.Diagnostics;
using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.TestSupport;

namespace KvGraph.Benchmarks;

/// <summary>
/// Time against input size for each adversarial pattern (<see cref="AdversarialText"/>): the whole extraction of one
/// document of 10k, 100k, 1M and 10M characters. <c>dotnet run -c Release -- linear [--sizes 10000,100000]
/// [--patterns digits,dates] [--stages] [--prefix &lt;real document&gt;]</c>. Prints one row per pattern and size (time, characters per second, time per
/// character relative to the smallest size, citations, entities, warnings, bytes allocated) as a Markdown table.
/// With <c>--stages</c> it also times each reader and recogniser on its own, to find the one that is not linear.
/// </summary>
public static class LinearExtraction
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var sizes = Option(args, "--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList()
            ?? [10_000, 100_000, 1_000_000, 10_000_000];
        var patterns = Option(args, "--patterns")?.Split(',') ?? AdversarialText.Patterns.Select(p => p.Name).ToArray();
        var stages = args.Contains("--stages");

        // A real document in front of the pattern, so its format's reader (not the plain-text one) reads the whole text.
        var prefixFile = Option(args, "--prefix");
        var prefix = prefixFile is null ? string.Empty : File.ReadAllText(prefixFile) + "\n";
        var file = prefixFile is null ? null : Path.GetFileName(prefixFile);

        // Warm up: the first extraction pays for JIT and the regexes' set-up.
        _ = Extractor.Default.Extract(new SourceDocument("warmup.txt", AdversarialText.Make("mixed", 20_000)));

        output.WriteLine("| pattern | characters | seconds | M chars/s | time per char vs smallest | citations | entities | warnings | allocated MB |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in patterns)
        {
            double? perCharBase = null;
            foreach (var size in sizes)
            {
                var text = prefix + AdversarialText.Make(name, Math.Max(0, size - prefix.Length));
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                var doc = Extractor.Default.Extract(new SourceDocument(file ?? $"adversarial-{name}.txt", text));
                var seconds = sw.Elapsed.TotalSeconds;
                var mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
                var perChar = seconds / size;
                perCharBase ??= perChar;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {size:N0} | {seconds:0.000} | {size / seconds / 1e6:0.00} | {perChar / perCharBase.Value:0.00} | {doc.Citations.Count} | {doc.Entities.Count} | {doc.Warnings.Count} | {mb:0} |"));
                if (stages)
                {
                    Stages(file ?? "adversarial.txt", text, output);
                }
            }
        }

        return 0;
    }

    private static void Stages(string file, string text, TextWriter output)
    {
        var options = ExtractorOptions.Default;
        var source = new SourceDocument(file, text);
        var sw = Stopwatch.StartNew();
        var reader = options.Readers.Select(r => (Reader: r, Score: r.Detect(source))).Where(x => x.Score > 0).MaxBy(x => x.Score).Reader;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    detect: {sw.Elapsed.TotalSeconds:0.000} s"));
        sw.Restart();
        var read = reader.Read(source);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    read {reader.Format}: {sw.Elapsed.TotalSeconds:0.000} s"));
        var context = new RecognitionContext(read.Text, read.Doc, read.Items);
        foreach (var r in options.CitationRecognizers)
        {
            sw.Restart();
            var n = r.Find(context).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    cite {r.Name}: {sw.Elapsed.TotalSeconds:0.000} s ({n})"));
        }

        foreach (var r in options.EntityRecognizers)
        {
            sw.Restart();
            var n = r.Find(context).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    entity {r.Name}: {sw.Elapsed.TotalSeconds:0.000} s ({n})"));
        }
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
