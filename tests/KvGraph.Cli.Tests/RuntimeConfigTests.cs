using System.Text.Json;

namespace KvGraph.Cli.Tests;

/// <summary>
/// The runtime settings the kvgraph command ships with (its kvgraph.runtimeconfig.json, as built beside kvgraph.dll): the
/// query commands' half-second budget depends on them (docs/benchmarks.md, d-show).
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void Arrays_up_to_a_megabyte_are_allocated_young()
    {
        // A show of a hub builds lists and dictionaries of its thousands of citers, a few hundred KB each: on the large object
        // heap they passed its first budget and set off a full blocking collection, the only one of the call.
        var path = Path.Combine(AppContext.BaseDirectory, "kvgraph.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.GC.LOHThreshold", out var threshold), $"{path} sets no System.GC.LOHThreshold");
        Assert.Equal(1_048_576, threshold.GetInt32());
    }
}
