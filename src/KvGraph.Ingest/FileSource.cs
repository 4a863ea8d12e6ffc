using System.Text;
using KvGraph.Core.Extraction;

namespace KvGraph.Ingest;

/// <summary>
/// Files from disk as <see cref="SourceDocument"/>s for the extractor. The format is decided by the bytes, not the
/// name: a <c>%PDF</c> header goes through PdfPig (a <c>.pdf</c> without one is refused), anything else must be text
/// (UTF-8, UTF-16, or Windows-1252; see <see cref="TextDecoder"/>). Every failure is a
/// <see cref="DocumentFormatException"/> that names the file and the reason.
/// </summary>
public static class FileSource
{
    /// <summary>
    /// Files that describe a corpus folder rather than being documents in it (fetch-state.json: what <c>kvgraph fetch</c>
    /// remembers; truth.jsonl: the ground truth <c>kvgraph synth</c> writes beside its documents).
    /// </summary>
    private static readonly HashSet<string> SkippedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PROVENANCE.md", "README.md", "index.tsv", "fetch-state.json", "truth.jsonl", "LICENSE", "LICENSE.md", "Thumbs.db", ".DS_Store",
    };

    /// <summary>Reads one file as a source document.</summary>
    /// <exception cref="DocumentFormatException">The file is missing, empty, binary, a damaged PDF or a PDF without text.</exception>
    public static SourceDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadOne(path, ReadBytes(path)).Document;
    }

    /// <summary>
    /// Reads one file as one or more source documents: a JSON Lines file of motion records (<c>*.jsonl</c>) gives
    /// one document per record (named <c>file#line</c>); every other file gives one. Strict: a bad JSON Lines record
    /// fails the call (with its line); <see cref="Load"/> returns the good records and the bad lines instead.
    /// </summary>
    public static IReadOnlyList<SourceDocument> ReadAll(string path)
    {
        var content = Load(path);
        if (content.Problems.Count > 0)
        {
            throw new DocumentFormatException(content.Problems[0].Location, content.Problems[0].Reason);
        }

        return content.Documents;
    }

    /// <summary>
    /// Reads one file as far as it can be read: its documents (one, or one per JSON Lines record), the parts that
    /// could not be read (a JSON Lines line, with its 1-based number and the reason), and warnings (NULs removed).
    /// </summary>
    /// <exception cref="DocumentFormatException">Nothing in the file can be read (missing, empty, binary, a damaged,
    /// encrypted or text-less PDF, a JSON Lines file without a single valid record).</exception>
    public static FileContent Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ReadBytes(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return JsonLines.Split(path, bytes);
        }

        var (document, decoded) = ReadOne(path, bytes);
        return new FileContent(path, [document], [], NulWarning(decoded));
    }

    /// <summary>The walk's files (see <see cref="Walk"/>); the first problem met, if any, is thrown.</summary>
    /// <exception cref="DocumentFormatException">An input does not exist, a folder cannot be read, or a folder link loops.</exception>
    public static IEnumerable<string> Enumerate(IEnumerable<string> filesOrFolders)
    {
        var walk = Walk(filesOrFolders);
        if (walk.Problems.Count > 0)
        {
            throw new DocumentFormatException(walk.Problems[0].Location, walk.Problems[0].Reason);
        }

        return walk.Files;
    }

    /// <summary>
    /// The document files under the given files and folders, by full path, each once: folders recursively, files
    /// before subfolders, each in ordinal order; hidden files and folders and corpus description files (PROVENANCE.md,
    /// README.md, index.tsv) are skipped. Nothing stops the walk: an input that does not exist or a folder that cannot
    /// be listed is a problem under its own path and is <see cref="FolderWalk.Unreached"/>; a folder link that leads
    /// back to a folder that contains it (a loop) is a problem once and is not followed; a folder reached again by
    /// another link (same real path) is walked once, with a note.
    /// </summary>
    public static FolderWalk Walk(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        var walk = new Walker();
        foreach (var input in filesOrFolders)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(input);
            var full = Path.GetFullPath(input);
            if (IsDanglingLink(full))
            {
                walk.Problem(full, "no such file or folder (a link to a target that does not exist)", unreached: true);
            }
            else if (File.Exists(full))
            {
                walk.AddFile(full);
            }
            else if (Directory.Exists(full))
            {
                walk.Folder(Path.TrimEndingDirectorySeparator(full));
            }
            else
            {
                walk.Problem(full, "no such file or folder", unreached: true);
            }
        }

        return new FolderWalk(walk.Files, walk.Problems, walk.Notes, walk.Unreached) { Skipped = walk.Skipped };
    }

    /// <summary>True when a file name is one <see cref="Enumerate"/> skips.</summary>
    public static bool IsSkipped(string path) => SkipReason(path) is not null;

    /// <summary>Why a folder walk passes over a file of this name, or null when it reads it.</summary>
    public static string? SkipReason(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') ? "hidden (the name starts with a dot)"
            : SkippedNames.Contains(name) ? "describes the corpus folder, not a document (PROVENANCE.md, README.md, index.tsv, fetch-state.json, truth.jsonl, LICENSE)"
            : null;
    }

    /// <summary>The warning for a text whose stray NUL bytes were removed, if any.</summary>
    internal static IReadOnlyList<string> NulWarning(DecodedText? decoded) =>
        decoded is { NulsRemoved: > 0 } d ? [$"removed {d.NulsRemoved} NUL byte(s) from the text ({d.Encoding})"] : [];

    private static (SourceDocument Document, DecodedText? Decoded) ReadOne(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentFormatException(path, "the file is empty");
        }

        if (IsPdf(bytes))
        {
            return (new SourceDocument(path, PdfText.Extract(path, bytes), "pdf"), null);
        }

        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            // A download that saved an error page, or another file renamed: reading it as text would store junk.
            throw new DocumentFormatException(path, $"named .pdf but not a PDF (no %PDF- header; it starts with {Preview(bytes)})");
        }

        var decoded = TextDecoder.Decode(bytes) ?? throw new DocumentFormatException(path,
            TextDecoder.HasBinarySignature(bytes)
                ? $"binary file: not text and not a PDF (it starts with {Preview(bytes)})"
                : "binary file: not text and not a PDF (more than 1 byte in 20 is a NUL or control byte)");
        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            throw new DocumentFormatException(path, "the file holds only white space");
        }

        var hint = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xml" => "xml",
            ".md" => "markdown",
            _ => decoded.Encoding == "windows-1252" ? "text;windows-1252" : null,
        };
        return (new SourceDocument(path, decoded.Text, hint), decoded);
    }

    // The first bytes, printable ASCII as is and the rest as hex, so a reason line stays one readable line.
    private static string Preview(byte[] bytes)
    {
        var sb = new StringBuilder("'");
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 16)))
        {
            sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>One walk's state: files in order, problems, notes, unreached paths, and the real paths of folders seen.</summary>
    private sealed class Walker
    {
        private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _walked = new(StringComparer.Ordinal);
        private readonly List<string> _ancestors = [];

        public List<string> Files { get; } = [];

        public List<FileProblem> Problems { get; } = [];

        public List<FileProblem> Notes { get; } = [];

        public List<string> Unreached { get; } = [];

        public List<FileProblem> Skipped { get; } = [];

        public void AddFile(string full)
        {
            if (_seenFiles.Add(full))
            {
                Files.Add(full);
            }
        }

        public void Problem(string path, string reason, bool unreached)
        {
            Problems.Add(new FileProblem(path, null, reason));
            if (unreached)
            {
                Unreached.Add(path);
            }
        }

        public void Folder(string folder)
        {
            string real;
            try
            {
                real = RealPath.Of(folder);
            }
            catch (IOException e)
            {
                Problem(folder, $"cannot resolve the folder's links ({e.Message})", unreached: true);
                return;
            }

            Folder(folder, real);
        }

        private void Folder(string folder, string real)
        {
            if (_ancestors.Contains(real, StringComparer.Ordinal))
            {
                Problem(folder, $"folder link loop: it leads back to {real}, which contains it; not followed", unreached: false);
                return;
            }

            if (_walked.TryGetValue(real, out var first))
            {
                Notes.Add(new FileProblem(folder, null, $"the same folder as {first} (real path {real}), already walked; not walked twice"));
                return;
            }

            // The entries as the enumeration sees them: no FileInfo and no lstat per file (asking a FileInfo whether it
            // is hidden read each file's attributes, one system call per file of a 100,000-file build that then stats
            // every file again to compare it with the store); whether an entry is hidden is its name's dot where the file
            // system keeps no hidden flag (Linux), and its flag where it does. Only folders become DirectoryInfo.
            // An entry is a class, not a tuple: the framework's precompiled code for enumerations, lists and sorts of
            // references serves it, where a struct made the JIT compile some 75 of their methods on every build's start.
            List<Entry> entries;
            try
            {
                entries = [.. new System.IO.Enumeration.FileSystemEnumerable<Entry>(
                    folder,
                    static (ref System.IO.Enumeration.FileSystemEntry e) => new Entry(e.ToFullPath(), e.IsDirectory, e.IsHidden),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false })];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Problem(folder, $"cannot read the folder ({e.Message}); its files were not reached", unreached: true);
                return;
            }

            _walked[real] = folder;
            foreach (var e in entries.Where(e => !e.IsFolder).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if ((SkipReason(e.FullName) ?? (e.Hidden ? "hidden (the file system marks it hidden)" : null)) is { } why)
                {
                    Skipped.Add(new FileProblem(e.FullName, null, why));
                }
                else
                {
                    AddFile(e.FullName);
                }
            }

            _ancestors.Add(real);
            foreach (var (name, _, hidden) in entries.Where(e => e.IsFolder).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var d = new DirectoryInfo(name);
                if (d.Name.StartsWith('.') || hidden)
                {
                    Skipped.Add(new FileProblem(d.FullName, null, "hidden folder: not walked"));
                    continue;
                }

                string childReal;
                try
                {
                    childReal = d.LinkTarget is null ? Path.Combine(real, d.Name) : RealPath.Of(d.FullName);
                }
                catch (IOException e)
                {
                    Problem(d.FullName, $"cannot resolve the folder link ({e.Message}); not followed", unreached: true);
                    continue;
                }

                Folder(d.FullName, childReal);
            }

            _ancestors.RemoveAt(_ancestors.Count - 1);
        }

        /// <summary>A folder entry as the enumeration sees it.</summary>
        private sealed record Entry(string FullName, bool IsFolder, bool Hidden);
    }

    private static bool IsDanglingLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return false;
            }

            // The target comes back as a FileInfo even when it is a folder, so ask the file system what it is.
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !(File.Exists(target.FullName) || Directory.Exists(target.FullName));
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentFormatException(path, $"cannot read the file ({e.Message})", e);
        }
    }

    private static bool IsPdf(byte[] bytes)
    {
        // The header may follow a little junk; the PDF specification lets readers look in the first 1024 bytes.
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        return head.Contains("%PDF-", StringComparison.Ordinal);
    }
}
