using System.Text;
using KvGraph.Core.Extraction;

namespace KvGraph.Ingest;

/// <summary>
/// Files from disk as <see cref="SourceDocument"/>s for the extractor. The format is decided by the bytes, not the
/// name: a <c>%PDF</c> header goes through PdfPig, anything else must be text (UTF-8, UTF-16 with a mark, or
/// Windows-1252). Every failure is a <see cref="DocumentFormatException"/> that names the file and the reason.
/// </summary>
public static class FileSource
{
    /// <summary>Files that describe a corpus folder rather than being documents in it (fetch-state.json: what <c>kvgraph fetch</c> remembers).</summary>
    private static readonly HashSet<string> SkippedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "PROVENANCE.md", "README.md", "index.tsv", "fetch-state.json", "LICENSE", "LICENSE.md", "Thumbs.db", ".DS_Store",
    };

    /// <summary>Reads one file as a source document.</summary>
    /// <exception cref="DocumentFormatException">The file is missing, empty, binary, a damaged PDF or a PDF without text.</exception>
    public static SourceDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ReadBytes(path);
        if (bytes.Length == 0)
        {
            throw new DocumentFormatException(path, "the file is empty");
        }

        if (IsPdf(bytes))
        {
            return new SourceDocument(path, PdfText.Extract(path, bytes), "pdf");
        }

        var (text, encoding) = TextDecoder.Decode(bytes);
        if (text is null)
        {
            throw new DocumentFormatException(path, "binary file: not text and not a PDF");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentFormatException(path, "the file holds only white space");
        }

        var hint = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xml" => "xml",
            ".md" => "markdown",
            _ => encoding == "windows-1252" ? "text;windows-1252" : null,
        };
        return new SourceDocument(path, text, hint);
    }

    /// <summary>
    /// Reads one file as one or more source documents: a JSON Lines file of motion records (<c>*.jsonl</c>) gives
    /// one document per record (named <c>file#line</c>); every other file gives one.
    /// </summary>
    public static IReadOnlyList<SourceDocument> ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? JsonLines.Split(path, ReadBytes(path)) : [Read(path)];
    }

    /// <summary>
    /// The document files under the given files and folders: folders recursively, in ordinal path order;
    /// hidden files and folders and corpus description files (PROVENANCE.md, README.md, index.tsv) are skipped.
    /// A path that does not exist is reported as a <see cref="DocumentFormatException"/> when enumerated.
    /// </summary>
    public static IEnumerable<string> Enumerate(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        foreach (var input in filesOrFolders)
        {
            if (File.Exists(input))
            {
                yield return input;
            }
            else if (Directory.Exists(input))
            {
                foreach (var f in Walk(input))
                {
                    yield return f;
                }
            }
            else
            {
                throw new DocumentFormatException(input, "no such file or folder");
            }
        }
    }

    /// <summary>True when a file name is one <see cref="Enumerate"/> skips.</summary>
    public static bool IsSkipped(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || SkippedNames.Contains(name);
    }

    private static IEnumerable<string> Walk(string folder)
    {
        var files = Directory.GetFiles(folder).Where(f => !IsSkipped(f) && !IsHidden(f)).OrderBy(f => f, StringComparer.Ordinal);
        foreach (var f in files)
        {
            yield return f;
        }

        foreach (var d in Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.') && !IsHidden(d)).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var f in Walk(d))
            {
                yield return f;
            }
        }
    }

    private static bool IsHidden(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.Hidden) != 0;
        }
        catch (IOException)
        {
            return false;
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
