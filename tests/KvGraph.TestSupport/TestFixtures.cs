namespace KvGraph.TestSupport;

/// <summary>
/// The real files several test projects build from (the seeds and our graph fixtures), copied into temp folders so a
/// test may change and delete them. One place for what the store and pipeline tests used to each write out.
/// </summary>
public static class TestFixtures
{
    public static string GraphFixtures => Path.Combine(TestPaths.Fixtures, "graph");

    public static string[] Seeds => [TestPaths.Seed000, TestPaths.Seed004];

    public static string Motion => Path.Combine(GraphFixtures, "motie-21501-20-1591.txt");

    public static string Fictional1 => Path.Combine(GraphFixtures, "kamervraag-2021Z99001.txt");

    public static string Fictional2 => Path.Combine(GraphFixtures, "kamervraag-2021Z99002.txt");

    /// <summary>A temp folder whose <c>input</c> subfolder holds copies of the given files; returns the temp folder.</summary>
    public static string CopyToTemp(string prefix, params string[] files)
    {
        var dir = TestPaths.NewTempDir(prefix);
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        foreach (var f in files)
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        return dir;
    }

    public static string StorePath(string dir) => Path.Combine(dir, "kvgraph.db");
}
