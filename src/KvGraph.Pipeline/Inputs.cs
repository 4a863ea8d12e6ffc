using System.Collections.Concurrent;
using KvGraph.Core.Extraction;
using KvGraph.Ingest;

namespace KvGraph.Pipeline;

/// <summary>The build's input set: every document file under the given files and folders, by full path, each once.</summary>
internal static class Inputs
{
    /// <summary>The files in input order; an input that cannot be walked (missing, unreadable) is a failure with its reason.</summary>
    public static List<string> Enumerate(IReadOnlyList<string> inputs, ConcurrentBag<FileFailure> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            try
            {
                foreach (var f in FileSource.Enumerate([full]))
                {
                    var p = Path.GetFullPath(f);
                    if (seen.Add(p))
                    {
                        list.Add(p);
                    }
                }
            }
            catch (DocumentFormatException e)
            {
                failures.Add(new FileFailure(input, e.Reason));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new FileFailure(input, e.Message));
            }
        }

        return list;
    }
}
