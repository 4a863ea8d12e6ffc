using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KvGraph.Bench;

/// <summary>How to start kvgraph as a child process: the program and the arguments before the command (<c>dotnet kvgraph.dll</c>, or the apphost alone).</summary>
public sealed record KvgraphCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The kvgraph this process runs as: <c>dotnet &lt;kvgraph.dll&gt;</c> when started through the host, else its own
    /// executable (the apphost, or the native build, whose children are then native too). <paramref name="assemblyPath"/>
    /// is only used in the first case; it is built from <see cref="AppContext.BaseDirectory"/>, not Assembly.Location,
    /// which a native build leaves empty.
    /// </summary>
    public static KvgraphCommand Current(string assemblyPath)
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? new KvgraphCommand(process, [assemblyPath]) : new KvgraphCommand(process, []);
    }

    /// <summary>As one shell line, for reports.</summary>
    public string Show(IEnumerable<string> arguments) => string.Join(' ', Prefix.Concat(arguments).Prepend(Path.GetFileName(FileName)).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}

/// <summary>What one child run took: exit code, wall time, peak resident memory (VmHWM), and what it printed.</summary>
public sealed record ChildResult(int ExitCode, TimeSpan Wall, long? PeakBytes, string Output, string Error);

/// <summary>Runs a child process to completion, timing it and sampling its peak resident memory from /proc.</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="command"/> with <paramref name="arguments"/>; a run past <paramref name="timeout"/> is killed and reported as exit code -1.</summary>
    public static ChildResult Run(KvgraphCommand command, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(command.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Prefix.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        // Plain output: no progress bars or colours in a child whose output is read.
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        var error = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command.FileName}");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long? peak = null;
        while (!process.WaitForExit(10))
        {
            // VmHWM only grows, so the last sample before the exit is the peak up to then.
            peak = PeakResidentBytes(process.Id) ?? peak;
            if (clock.Elapsed > timeout)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ChildResult(-1, clock.Elapsed, peak, output.ToString(), error + $"killed after {timeout.TotalSeconds:0} s");
            }
        }

        process.WaitForExit();
        var wall = clock.Elapsed;
        return new ChildResult(process.ExitCode, wall, peak, output.ToString(), error.ToString());
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }
    }

    /// <summary>Peak resident memory (VmHWM) of a running process, in bytes; null when unknown (not Linux, gone).</summary>
    public static long? PeakResidentBytes(int pid) => StatusBytes(pid, "VmHWM:");

    /// <summary>Resident memory (VmRSS) of a running process, in bytes; null when unknown (not Linux, gone).</summary>
    public static long? ResidentBytes(int pid) => StatusBytes(pid, "VmRSS:");

    /// <summary>
    /// The anonymous part of its resident memory (RssAnon: heap, stacks), in bytes; null when unknown. Unlike VmRSS it leaves
    /// out mapped file pages: each store connection maps the whole store file, and VmRSS counts those pages once per mapping.
    /// </summary>
    public static long? AnonymousBytes(int pid) => StatusBytes(pid, "RssAnon:");

    private static long? StatusBytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }
}

/// <summary>Percentiles over latencies (nearest rank), the one rule every report here uses.</summary>
public static class Percentiles
{
    /// <summary>The nearest-rank <paramref name="p"/> percentile (0..1) of ascending <paramref name="sorted"/>; 0 when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
