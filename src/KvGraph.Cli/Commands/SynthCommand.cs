using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.Pipeline.Synth;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph synth &lt;dir&gt; --docs N [--seed S] [--ocr-noise R]</c>: a generated corpus with its truth, for scale and accuracy.</summary>
internal static class SynthCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("dir") { Description = "The folder to write (created when missing)" };
        var docs = Options.Int("--docs", null, "How many documents", 1000, 1, 10_000_000);
        var seed = Options.Int("--seed", null, "The same seed writes the same corpus", 1, 0, int.MaxValue);
        var noise = new Option<double>("--ocr-noise") { Description = "Share of prose characters damaged as OCR does (0 to 0.2)", DefaultValueFactory = _ => 0.002 };
        var command = new Command("synth", "Generate a realistic corpus (questions and answers, motions, citations, OCR noise) with its ground truth") { dir, docs, seed, noise };
        return command.WithAction(result =>
        {
            var rate = result.GetValue(noise);
            if (rate is < 0 or > 0.2)
            {
                throw new CliUserException($"--ocr-noise must be from 0 to 0.2, not {rate.ToString(CultureInfo.InvariantCulture)}.");
            }

            var folder = result.GetValue(dir)!;
            var summary = SynthCorpus.Write(folder, new SynthOptions(result.GetValue(docs), result.GetValue(seed), rate),
                new Progress<int>(n => context.Console.MarkupLine($"[grey]{n.ToString("N0", CultureInfo.InvariantCulture)} documents written[/]")));
            context.Console.MarkupLine($"{summary.Documents:N0} documents ({summary.Answers:N0} answers, {summary.Motions:N0} motions), {summary.Citations:N0} citations, {summary.Bytes / 1e6:0.0} MB in {Render.E(folder)}; truth in {Render.E(summary.TruthFile)}");
            return 0;
        });
    }
}
