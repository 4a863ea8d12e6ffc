using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Core.Resolution;

/// <summary>
/// A <see cref="Resolver"/> for a few files: built from only the documents and letter mentions that decide what those
/// files' facts resolve to (<see cref="FactsResolver.Resolve"/>), found by key through an <see cref="IResolverIndex"/>. For
/// those files it answers exactly as <see cref="Resolver.Create"/> over the whole corpus, lookup by lookup:
/// <list type="bullet">
/// <item>an id or alias (<see cref="Resolver.Resolve"/>, <see cref="Resolver.Owner"/>, <see cref="Resolver.IsDocument"/>):
/// every row of every document that claims one of its keys (<see cref="AliasRule.Keys"/>), so the owner of each id and the
/// winner of each key are the whole resolver's; every id, source and target the files' facts name is looked up;</item>
/// <item>a letter mention (<see cref="Resolver.ResolveLetter"/>): every mention of its key (the clustering reads no
/// other), and the documents claiming the key or any id made from it (<c>key:…</c>, <c>key@…</c>);</item>
/// <item>merges (<see cref="Resolver.Canonical"/>, <see cref="Resolver.Merges"/>): <see cref="MotionIdentity.Merges"/>
/// reads only the open-data records, the texts they name and the texts dated within a day of one: all of them, so the
/// merges are the whole corpus's (the commit rewrites its table of merges from them);</item>
/// <item>an unnumbered motion (<see cref="Resolver.ResolveMotion"/>): its candidates and each subject word's rarity are
/// over every motion, so when the files cite one, every motion is read;</item>
/// <item>a Handelingen item's sitting day (<see cref="Resolver.SittingDate"/>): every item of its sitting.</item>
/// </list>
/// The person directory is not part of this (the store still reads it whole).
/// </summary>
public static class ResolverScope
{
    /// <summary>The resolver for <paramref name="files"/> (their raw, stored facts).</summary>
    public static Resolver For(IReadOnlyList<DocumentFacts> files, IResolverIndex index)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(index);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var letterKeys = new HashSet<string>(StringComparer.Ordinal);
        var unnumbered = false;
        foreach (var f in files)
        {
            named.UnionWith(f.DocumentIds);
            foreach (var n in f.Nodes)
            {
                named.Add(n.Id);
            }

            foreach (var e in f.Edges)
            {
                named.Add(e.Source);
                named.Add(e.Target);
                if (e.Type == EdgeType.Cites && e.Target.StartsWith("letter:", StringComparison.Ordinal))
                {
                    letterKeys.Add(e.Target);
                }

                unnumbered |= e.Type == EdgeType.Cites && NodeIds.IsUnnumberedMotion(e.Target);
            }
        }

        var keys = named.SelectMany(AliasRule.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(index.ClaimantsOf(keys), StringComparer.Ordinal);
        ids.UnionWith(index.ClaimantsWithPrefix(letterKeys));

        // The merges: every record, the texts each names and the texts of the day before, of and after each record's date.
        var records = index.MotionRecords();
        if (unnumbered)
        {
            ids.UnionWith(index.Motions());
        }
        else if (records.Count > 0)
        {
            ids.UnionWith(records);
            var recordRows = index.Documents(records);
            ids.UnionWith(index.ClaimantsOf([.. recordRows.SelectMany(r => r.Aliases).Select(a => a.Alias).Where(a => a.StartsWith("kst-", StringComparison.Ordinal))]));
            var days = recordRows.Select(r => ParseDate(r.Date)).OfType<DateOnly>()
                .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
                .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
            ids.UnionWith(index.MotionsOn(days));
        }

        var sittings = ids.Concat(named).Select(Resolver.SittingOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (sittings.Count > 0)
        {
            ids.UnionWith(index.SittingItems(sittings));
        }

        return Resolver.Create(index.Documents(ids), index.LetterMentions(letterKeys));
    }

    // A motion's date as MotionIdentity reads it: the first ten characters, an ISO day.
    private static DateOnly? ParseDate(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
