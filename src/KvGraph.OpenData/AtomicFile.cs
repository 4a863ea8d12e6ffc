namespace KvGraph.OpenData;

/// <summary>
/// Whole-file writes that a kill can never leave half done: a temporary file beside the target, flushed to disk,
/// renamed over it. The temporary name starts with a dot, so a leftover from a kill is never ingested by <c>build</c>
/// (which skips hidden files) and is swept by the next fetch.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Deletes temporary files a killed run left in <paramref name="folder"/>; returns how many.</summary>
    public static int SweepTemporaries(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var leftovers = Directory.GetFiles(folder, ".*.tmp");
        foreach (var f in leftovers)
        {
            File.Delete(f);
        }

        return leftovers.Length;
    }

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }
}
