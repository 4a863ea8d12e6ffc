using System.Collections.Concurrent;
using KvGraph.Ingest;

namespace KvGraph.Pipeline;

/// <summary>The build's input set: every document file under the given files and folders, by full path, each once.</summary>
internal static class Inputs
{
    /// <summary>
    /// Walks the inputs (<see cref="FileSource.Walk"/>): every input or folder that cannot be walked (missing, unreadable,
    /// a link loop) is a failure under its own path, a folder reached twice is a warning, and the walk goes on.
    /// </summary>
    public static FolderWalk Enumerate(IReadOnlyList<string> inputs, ConcurrentBag<FileFailure> failures, ConcurrentBag<FileFailure> warnings)
    {
        var walk = FileSource.Walk(inputs);
        foreach (var p in walk.Problems)
        {
            failures.Add(new FileFailure(p.Location, p.Reason));
        }

        foreach (var n in walk.Notes)
        {
            warnings.Add(new FileFailure(n.Location, n.Reason));
        }

        return walk;
    }
}
