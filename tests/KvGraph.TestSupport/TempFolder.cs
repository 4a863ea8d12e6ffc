namespace KvGraph.TestSupport;

/// <summary>
/// A fresh folder under the system's temporary folder (<see cref="TestPaths.NewTempDir"/>), deleted with everything in it
/// on <see cref="Dispose"/>: the one clean-up of the fixtures that build a store there.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => FullPath = TestPaths.NewTempDir(prefix);

    /// <summary>The folder's full path.</summary>
    public string FullPath { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => Path.Combine(FullPath, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A store file still mapped by SQLite on some systems; the temporary folder is cleaned by the OS.
        }
    }
}
