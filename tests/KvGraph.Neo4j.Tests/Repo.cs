using System.Reflection;
using KvGraph.TestSupport;

namespace KvGraph.Neo4j.Tests;

/// <summary>Paths of the repository, also when the tests run from an artifacts folder outside the clone.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Cypher => Path.Combine(Root, "cypher");

    public static string Queries => Path.Combine(Root, "cypher", "queries");

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Neo4jScripts => Path.Combine(Root, "tests", "neo4j");

    public static string LintTool => Path.Combine(Root, "tests", "cypher-lint");

    public static string CorpusRaw =>
        Environment.GetEnvironmentVariable("KVGRAPH_CORPUS") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "raw"));

    private static string FindRoot()
    {
        var baked = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "KvGraphRepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "KvGraph.sln")))
        {
            return baked;
        }

        return TestPaths.RepoRoot;
    }
}
