namespace KvGraph.Core.Resolution;

/// <summary>
/// One document that several files assert as their own (<see cref="Resolver.Copies"/>): the file whose reading is
/// kept, and the other copies merged into it. The graph holds one node for it, from <see cref="Kept"/>.
/// </summary>
public sealed record DocumentCopies
{
    public DocumentCopies(DocumentAliases kept, IReadOnlyList<MergedCopy> merged)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(merged);
        if (merged.Count == 0 || merged.Any(m => m.Copy.Id != kept.Id))
        {
            throw new ArgumentException($"Copies of {kept.Id} need at least one other copy of that same document.", nameof(merged));
        }

        Kept = kept;
        Merged = merged;
    }

    /// <summary>The document's id.</summary>
    public string Id => Kept.Id;

    /// <summary>The copy that owns the document: its file's reading is what the graph shows.</summary>
    public DocumentAliases Kept { get; }

    /// <summary>The other copies, by path, each with why <see cref="Kept"/> won over it.</summary>
    public IReadOnlyList<MergedCopy> Merged { get; }

    /// <summary>
    /// The copies in other files than the kept one, one per file: what a reader calls "one document in several files".
    /// Records of one JSON Lines file that share an id are that file's business, not copies in several files.
    /// </summary>
    public IReadOnlyList<MergedCopy> InOtherFiles => [.. Merged.Where(m => m.Copy.File != Kept.File).DistinctBy(m => m.Copy.File)];
}

/// <summary>A copy of a document merged into the kept one, and why the kept one won.</summary>
public sealed record MergedCopy
{
    public MergedCopy(DocumentAliases copy, string why)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        Copy = copy;
        Why = why;
    }

    public DocumentAliases Copy { get; }

    public string Why { get; }
}
