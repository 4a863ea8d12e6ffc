using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store;

/// <summary>
/// A write session on the store (<see cref="IKvStore.BeginWrite"/>): ONE transaction. Files are written or removed one
/// by one; <see cref="Commit"/> makes all of it visible at once, and disposing the session without committing (an
/// exception, a cancellation) rolls it back. A process that dies before the commit leaves the previous complete state.
/// <para>
/// The change feed is kept here: every written or removed file gets <see cref="Version"/>, and on commit so does every
/// file whose citations now resolve differently (it cites an id or alias, or an unnumbered motion's sponsor, that a
/// written or removed file added or dropped). A session that changes nothing leaves the version as it was.
/// </para>
/// Not thread-safe: one writer thread.
/// </summary>
public interface IStoreWriter : IDisposable
{
    /// <summary>The version this session's changes get on commit: the store's version when it began, plus one.</summary>
    long Version { get; }

    /// <summary>Every file the store holds, by full path: as the session began, with this session's writes and removals.</summary>
    IReadOnlyDictionary<string, StoredFile> Files { get; }

    /// <summary>Writes one file's result, replacing only what the store held for that path (its documents, aliases, facts, full text).</summary>
    void Write(FileRecord file);

    /// <summary>
    /// The documents the store holds for a file, as this session sees it, in the order they were written (a JSON Lines
    /// file's records by line); none when it holds no such file. A rebuild keeps from it the earlier record of a line
    /// that is malformed now.
    /// </summary>
    IReadOnlyList<ExtractedDocument> StoredDocuments(string path);

    /// <summary>
    /// Records a new size and modification time for a file the store holds with the same bytes (touched, or checked out
    /// again): its facts and version stay, so this alone does not change the store. False when the store does not hold it.
    /// </summary>
    bool Restat(string path, long size, DateTimeOffset modified);

    /// <summary>Removes a file and all its rows, recording a deletion when it had facts. False when the store does not hold it.</summary>
    bool Remove(string path);

    /// <summary>Marks the files whose citations resolve differently now (see the type's remarks), sets the version and commits. Returns the store's version after the commit.</summary>
    long Commit();
}

/// <summary>One input file's result, ready to persist: what was read and extracted, or why it failed.</summary>
public sealed record FileRecord
{
    /// <param name="path">The file's full path (the store's key for it).</param>
    /// <param name="hash">SHA-256 of the bytes, lower-case hex; empty when the file could not be read.</param>
    /// <param name="size">Size in bytes.</param>
    /// <param name="modified">Last write time.</param>
    /// <param name="extractor">Fingerprint of the extractor: a file with the same hash and fingerprint need not be extracted again.</param>
    /// <param name="documents">The documents extracted from it (a JSON Lines file holds many); none when it failed.</param>
    /// <param name="error">Why the file (or some of its documents) failed; required when there are no documents.</param>
    public FileRecord(string path, string hash, long size, DateTimeOffset modified, string extractor, IReadOnlyList<DocumentRecord> documents, string? error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentException.ThrowIfNullOrWhiteSpace(extractor);
        ArgumentNullException.ThrowIfNull(documents);
        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"The store keys files by full path; got {path}.", nameof(path));
        }

        if (documents.Count == 0 && string.IsNullOrWhiteSpace(error))
        {
            throw new ArgumentException("A file without documents failed; say why.", nameof(error));
        }

        Path = path;
        Hash = hash;
        Size = size;
        Modified = modified;
        Extractor = extractor;
        Documents = documents;
        Error = error;
    }

    public string Path { get; }

    public string Hash { get; }

    public long Size { get; }

    public DateTimeOffset Modified { get; }

    public string Extractor { get; }

    public IReadOnlyList<DocumentRecord> Documents { get; }

    public string? Error { get; }

    /// <summary>ok when at least one document was extracted, else failed.</summary>
    public string Status => Documents.Count > 0 ? "ok" : "failed";
}

/// <summary>
/// One extracted document with what the store keeps of it: its aliases, its raw graph facts and its stored JSON form.
/// The JSON is serialised when the record is made, so the threads that make records pay for it, not the single writer.
/// </summary>
public sealed class DocumentRecord
{
    /// <param name="document">The extracted document.</param>
    /// <param name="aliases">Its <see cref="DocumentAliases.For"/>: the main document first, then a paired question.</param>
    /// <param name="facts">Its <see cref="GraphFacts.Facts"/>.</param>
    public DocumentRecord(ExtractedDocument document, IReadOnlyList<DocumentAliases> aliases, DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(facts);
        if (aliases.Count == 0 || !aliases[0].Primary || aliases[0].Id != document.Doc.Id)
        {
            throw new ArgumentException($"The aliases must start with the document's own primary entry ({document.Doc.Id}).", nameof(aliases));
        }

        Document = document;
        Aliases = aliases;
        Facts = facts;
        Json = StoreJson.Document(document);
    }

    public ExtractedDocument Document { get; }

    public IReadOnlyList<DocumentAliases> Aliases { get; }

    public DocumentFacts Facts { get; }

    internal string Json { get; }
}
