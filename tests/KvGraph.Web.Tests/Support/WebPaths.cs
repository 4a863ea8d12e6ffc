using System.Runtime.CompilerServices;
using KvGraph.TestSupport;

namespace KvGraph.Web.Tests.Support;

/// <summary>
/// Paths for the web tests. The repository root comes from <see cref="TestPaths"/> when the tests run from the
/// clone's own bin folder, else from where this source file was compiled (builds with a separate artifacts path).
/// </summary>
internal static class WebPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        try
        {
            return TestPaths.RepoRoot;
        }
        catch (InvalidOperationException)
        {
            return Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", ".."));
        }
    });

    public static string RepoRoot => Root.Value;

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string Seed000 => Directory.GetFiles(Seeds, "000_*.txt").Single();

    public static string Seed004 => Directory.GetFiles(Seeds, "004_*.txt").Single();

    /// <summary>Our own web fixtures (tests/fixtures/web).</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures", "web");

    public static string XssFixture => Path.Combine(Fixtures, "xss-openkamer.txt");

    public static string CypherQueries => Path.Combine(RepoRoot, "cypher", "queries");

    /// <summary>Where the README screenshot of the explorer goes.</summary>
    public static string Screenshot => Path.Combine(RepoRoot, "tests", "KvGraph.Web.Tests", "explorer.png");

    private static string SourceFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
