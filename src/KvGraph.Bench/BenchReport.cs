using System.Globalization;
using System.Text;

namespace KvGraph.Bench;

/// <summary>One measured figure: what, how much, the target for it and whether it was met, and the command that measured it.</summary>
/// <param name="Section">The stage: corpus, extract, build, query (CLI), query (in process), explorer API, push.</param>
/// <param name="Target">The target in words ("under 60 s"), or null when the figure is reported without one.</param>
/// <param name="Met">Whether the figure meets <paramref name="Target"/>; null without a target.</param>
public sealed record BenchFigure(string Section, string What, string Figure, string? Target = null, bool? Met = null, string? Command = null);

/// <summary>What <see cref="EndToEndBench"/> measured, in order, with the machine it ran on.</summary>
public sealed record BenchReport(DateTimeOffset Started, string Machine, BenchOptions Options, IReadOnlyList<BenchFigure> Figures)
{
    /// <summary>The report as Markdown: a heading line with the date and machine, then one table.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"`kvgraph bench --docs {Options.Documents} --seed {Options.Seed}` on {Started:yyyy-MM-dd HH:mm} UTC, {Machine}");
        sb.AppendLine();
        sb.AppendLine("| stage | what | figure | target | met |");
        sb.AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var f in Figures)
        {
            sb.AppendLine(c, $"| {f.Section} | {Cell(f.What)} | {Cell(f.Figure)} | {Cell(f.Target ?? string.Empty)} | {(f.Met is { } m ? (m ? "yes" : "**no**") : string.Empty)} |");
        }

        var commands = Figures.Where(f => f.Command is not null).Select(f => f.Command!).Distinct(StringComparer.Ordinal).ToList();
        if (commands.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Child commands run:");
            sb.AppendLine();
            sb.AppendLine("```");
            foreach (var command in commands)
            {
                sb.AppendLine(command);
            }

            sb.AppendLine("```");
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>This machine in one line: cores, memory, processor model where /proc tells it, OS.</summary>
    public static string DescribeMachine()
    {
        var c = CultureInfo.InvariantCulture;
        string? model = null;
        long? memory = null;
        try
        {
            model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            memory = total is null ? null : long.Parse(total["MemTotal:".Length..].Trim().Split(' ')[0], c) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        return string.Join(", ", new[]
        {
            $"{Environment.ProcessorCount} cores",
            memory is { } m ? string.Create(c, $"{m / 1024.0 / 1024 / 1024:0} GiB") : null,
            model,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            $".NET {Environment.Version}",
            load is null ? null : $"load average {load} at the start",
        }.Where(x => x is not null));
    }
}
