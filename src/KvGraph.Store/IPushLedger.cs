namespace KvGraph.Store;

/// <summary>
/// What has been pushed to one Neo4j target (its URL and database, never credentials), per file: the table
/// <c>push_files</c> of the store, written in small transactions of its own (outside build sessions), so a push records
/// each committed step without rewriting anything else. Get one with <see cref="IKvStore.PushLedger"/>.
/// </summary>
public interface IPushLedger
{
    /// <summary>The target this ledger describes.</summary>
    string Target { get; }

    /// <summary>Every file recorded for the target, by file name.</summary>
    IReadOnlyDictionary<string, PushedFileRecord> Load();

    /// <summary>Writes <paramref name="put"/> (replacing a file's record) and deletes <paramref name="remove"/>, in one transaction.</summary>
    void Apply(IEnumerable<PushedFileRecord> put, IEnumerable<string> remove);

    /// <summary>Forgets every file of the target (the database was emptied or replaced).</summary>
    void Clear();
}

/// <summary>One file as pushed to a target.</summary>
/// <param name="File">The file, as <see cref="KvGraph.Core.Graph.DocumentFacts.File"/> names it.</param>
/// <param name="Version">The version of its facts in the target; null while a push of it is under way (its facts there may be partial).</param>
/// <param name="Nodes">The node ids it asserts there (for a file under way: every id it may have asserted, old and new).</param>
/// <param name="Sources">Sources of its relationships that are not among <paramref name="Nodes"/>.</param>
public sealed record PushedFileRecord(string File, string? Version, IReadOnlyList<string> Nodes, IReadOnlyList<string> Sources)
{
    public string File { get; } = string.IsNullOrEmpty(File) ? throw new ArgumentException("A file name is required.", nameof(File)) : File;

    public IReadOnlyList<string> Nodes { get; } = Nodes ?? throw new ArgumentNullException(nameof(Nodes));

    public IReadOnlyList<string> Sources { get; } = Sources ?? throw new ArgumentNullException(nameof(Sources));

    /// <summary>True while a push of this file has started and not finished.</summary>
    public bool Pending => Version is null;
}
