using KvGraph.Bench;
using KvGraph.TestSupport;
using Xunit;

namespace KvGraph.Cli.Tests;

/// <summary>
/// Issue 9: `kvgraph synth` is deterministic per seed. Two separate kvgraph processes (each with its own runtime hash
/// seed) write the same seed's corpus; every file, the truth file included, must be the same byte for byte.
/// </summary>
public sealed class SynthDeterminismTests
{
    [Fact]
    public void Two_runs_of_synth_with_one_seed_in_two_processes_write_the_same_bytes()
    {
        var dir = TestPaths.NewTempDir("kvgraph-synth-twice");
        var kvgraph = new KvgraphCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "kvgraph.dll")]);
        var runs = new[] { "a", "b" }.Select(name => Path.Combine(dir, name)).ToList();
        foreach (var target in runs)
        {
            var run = ChildProcess.Run(kvgraph, ["synth", target, "--docs", "120", "--seed", "7"], TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var files = Directory.GetFiles(runs[0], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(runs[0], f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(runs[1], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(runs[1], f)).Order(StringComparer.Ordinal));
        Assert.True(files.Count > 120, $"synth wrote {files.Count} files for 120 documents");
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(runs[0], f)), File.ReadAllBytes(Path.Combine(runs[1], f))));
    }
}
