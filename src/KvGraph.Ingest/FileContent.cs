using KvGraph.Core.Extraction;

namespace KvGraph.Ingest;

/// <summary>Something in the input that could not be read: where (a path, or <c>file#line</c>), the line when known, and why.</summary>
public sealed record FileProblem
{
    public FileProblem(string location, int? line, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (line is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "Line numbers start at 1.");
        }

        Location = location;
        Line = line;
        Reason = reason;
    }

    /// <summary>The path of the file or folder, or <c>file#line</c> for a JSON Lines record.</summary>
    public string Location { get; }

    /// <summary>The 1-based line of a JSON Lines record, else null.</summary>
    public int? Line { get; }

    public string Reason { get; }
}

/// <summary>What <see cref="FileSource.Load"/> read from one file: its documents, the parts it could not read, and warnings.</summary>
public sealed record FileContent
{
    public FileContent(string path, IReadOnlyList<SourceDocument> documents, IReadOnlyList<FileProblem> problems, IReadOnlyList<string> warnings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(warnings);
        if (documents.Count == 0)
        {
            throw new ArgumentException("A file with nothing readable is a DocumentFormatException, not an empty content.", nameof(documents));
        }

        Path = path;
        Documents = documents;
        Problems = problems;
        Warnings = warnings;
    }

    public string Path { get; }

    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>Parts of the file that could not be read (bad JSON Lines lines), each with its reason.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>What was repaired on the way (stray NUL bytes removed).</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>The result of <see cref="FileSource.Walk"/>.</summary>
public sealed record FolderWalk
{
    public FolderWalk(IReadOnlyList<string> files, IReadOnlyList<FileProblem> problems, IReadOnlyList<FileProblem> notes, IReadOnlyList<string> unreached)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(unreached);
        Files = files;
        Problems = problems;
        Notes = notes;
        Unreached = unreached;
    }

    /// <summary>The document files, by full path, each once, in walk order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Inputs and folders that could not be walked (missing, unreadable, a link loop), each under its own path.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    /// <summary>Not problems, but worth saying: a folder reached a second time by another link.</summary>
    public IReadOnlyList<FileProblem> Notes { get; }

    /// <summary>
    /// Full paths the walk could not look into (missing inputs, unreadable folders, unresolvable links): what the
    /// store holds under them is unknown to this walk, so a prune must keep it.
    /// </summary>
    public IReadOnlyList<string> Unreached { get; }

    /// <summary>
    /// Files and folders the walk passed over on purpose, each with why (<see cref="FileSource.SkipReason"/>): hidden
    /// ones (a hidden folder is one entry, not walked) and corpus description files.
    /// </summary>
    public IReadOnlyList<FileProblem> Skipped { get; init; } = [];

    /// <summary>True when <paramref name="path"/> is an unreached path or lies under one.</summary>
    public bool IsUnreached(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Unreached.Any(u => path == u || path.StartsWith(u.EndsWith(System.IO.Path.DirectorySeparatorChar) ? u : u + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
