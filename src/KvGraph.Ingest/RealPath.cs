namespace KvGraph.Ingest;

/// <summary>
/// The real path of a file or folder: every symbolic link on the way resolved, as the operating system would
/// (relative link targets against the link's folder, at most 40 links, the limit Linux applies before ELOOP).
/// The folder walk compares real paths to find link loops.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than 40 links on the way (a loop), or a link cannot be read.</exception>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException($"cannot read the link {next} ({e.Message})", e);
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links on the way to {path}");
            }

            // Resolve the target from here on: its parts go in front of what is left.
            var targetFull = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var targetRoot = Path.GetPathRoot(targetFull) ?? root;
            foreach (var p in targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }

            current = targetRoot;
        }

        return current;
    }
}
