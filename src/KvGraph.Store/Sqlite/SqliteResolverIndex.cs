using KvGraph.Core.Model;
using KvGraph.Core.Resolution;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// <see cref="IResolverIndex"/> over the store's raw tables, each answer one or a few index seeks: aliases by alias
/// (aliases_alias, case-insensitive as the column), documents by id (documents_id) and by kind and date
/// (documents_kind_date), letter mentions by target (edges_target). The rows are those <see cref="SqliteKvStore.LoadResolver"/>
/// reads whole: every document row, and the letter mentions of files read well.
/// </summary>
internal sealed class SqliteResolverIndex(SqliteKvStore store) : IResolverIndex
{
    private static readonly string Motion = Core.Extraction.ExtractionJson.Name(DocumentKind.Motion);
    private static readonly string Handelingen = Core.Extraction.ExtractionJson.Name(DocumentKind.Handelingen);

    public IReadOnlyCollection<string> ClaimantsOf(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(SqliteKvStore.IndexChunk))
        {
            var args = Args(chunk);
            Read($"SELECT DISTINCT doc_id FROM aliases WHERE alias IN ({Names(args)})", ids, args);
        }

        return ids;
    }

    public IReadOnlyCollection<string> ClaimantsWithPrefix(IReadOnlyCollection<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prefix in prefixes)
        {
            Read("SELECT DISTINCT doc_id FROM aliases WHERE alias >= $lo AND alias < $hi", ids, ("$lo", prefix), ("$hi", prefix + "\U0010FFFF"));
        }

        return ids;
    }

    public IReadOnlyList<DocumentAliases> Documents(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return store.DocumentAliasesOf(ids);
    }

    public IReadOnlyCollection<string> SittingItems(IReadOnlyCollection<string> sittings)
    {
        ArgumentNullException.ThrowIfNull(sittings);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sitting in sittings)
        {
            // A sitting id is h-tk-<digits>-<digits> (Resolver.SittingOf): its items are the ids from "<sitting>-" up to "<sitting>." ('-' + 1),
            // read by that range (+kind, as in MotionRecords: not every Handelingen row by kind).
            Read(SittingItemsSql, ids, ("$lo", sitting + "-"), ("$hi", sitting + "."), ("$k", Handelingen));
        }

        return ids;
    }

    public IReadOnlyCollection<string> MotionRecords()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // By the id range (documents_id), the kind tested on its rows (+kind): offered documents_kind_date, SQLite looked
        // up the row of every motion text (20,000 at 100,000 documents, 0.05 s) to find the few open-data records.
        Read(MotionRecordsSql, ids, ("$k", Motion));
        return ids;
    }

    public IReadOnlyCollection<string> MotionsOn(IReadOnlyCollection<string> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in dates.Chunk(SqliteKvStore.IndexChunk))
        {
            var args = Args(chunk);
            Read($"SELECT DISTINCT id FROM documents WHERE kind = $kind AND date IN ({Names(args)})", ids, [("$kind", Motion), .. args]);
        }

        return ids;
    }

    public IReadOnlyCollection<string> Motions()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Read("SELECT DISTINCT id FROM documents WHERE kind = $k", ids, ("$k", Motion));
        return ids;
    }

    public IReadOnlyList<LetterMention> LetterMentions(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var mentions = new List<LetterMention>();
        foreach (var chunk in keys.Chunk(SqliteKvStore.IndexChunk))
        {
            var args = Args(chunk);
            store.LetterMentions($"e.target IN ({Names(args)})", mentions, args);
        }

        return mentions;
    }

    /// <summary>The documents of kind $k with an id from $lo up to (not including) $hi (a sitting's items).</summary>
    internal const string SittingItemsSql = "SELECT DISTINCT id FROM documents WHERE id >= $lo AND id < $hi AND +kind = $k";

    /// <summary>The open-data motion records (ids <c>zaak:…</c>) of kind $k.</summary>
    internal const string MotionRecordsSql = "SELECT DISTINCT id FROM documents WHERE id >= 'zaak:' AND id < 'zaak;' AND +kind = $k";

    private static (string Name, object? Value)[] Args(string[] values) => [.. values.Select((v, i) => ($"$k{i}", (object?)v))];

    private static string Names((string Name, object? Value)[] args) => string.Join(", ", args.Select(a => a.Name));

    private void Read(string sql, HashSet<string> into, params (string Name, object? Value)[] args)
    {
        using var cmd = store.Command(sql, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            into.Add(r.GetString(0));
        }
    }
}
