using KvGraph.Core.Graph;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Turns a file's stored (raw) facts into resolved facts against the current corpus. Every CITES edge comes out with
/// the <c>method</c> that linked it, a <c>confidence</c> and, where evidence was weighed, the <c>evidence</c>:
/// <list type="bullet">
/// <item>edge endpoints that are aliases of a corpus document (zaak, <c>kv-tk-</c>, own ids, kst id, a letter's key)
/// become that document's id (<c>method = alias</c>); the raw target is kept on the edge as <c>cited</c>;</item>
/// <item>unnumbered motions are weighed by <see cref="MotionIdentity"/>: linked on enough evidence, otherwise the
/// mention stays its own placeholder <c>motion:&lt;sponsor&gt;@&lt;citing document&gt;</c> listing its best candidates;</item>
/// <item>letters without number are identified by <see cref="LetterIdentity"/> (date and sender, kenmerk, subject);</item>
/// <item>a document merged into another (a motion's open-data record into its text) is written as that other document:
/// its node keeps only what the record adds, its edges start at the canonical id; the canonical node lists its merges;</item>
/// <item>a document this file asserts but another file owns (a duplicate PDF/text, a question that has its own file) is left
/// to its owner: its node and its outgoing edges are dropped here;</item>
/// <item>targets still not in the corpus become <see cref="NodeLabel.Placeholder"/> nodes with a <c>kind</c> and the
/// official address when there is one (both from <see cref="Kinds.CitationKinds"/>).</item>
/// </list>
/// </summary>
public static class FactsResolver
{
    /// <summary>Properties a merged-away record does not bring to the canonical node: the canonical document's own say.</summary>
    private static readonly HashSet<string> IdentityKeys = new(StringComparer.Ordinal)
    {
        "id", "kind", "title", "file", "format", "url", "sourceUrl", "date",
    };

    /// <summary>Resolves one file's facts.</summary>
    public static DocumentFacts Resolve(DocumentFacts raw, Resolver resolver)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(resolver);
        var own = raw.DocumentIds.ToHashSet(StringComparer.Ordinal);
        var notOwned = own.Where(id => resolver.Owner(id) is { } o && o.File != raw.File).ToHashSet(StringComparer.Ordinal);

        // Own documents known to be another document's record are written as that document.
        var rename = own.Where(id => !notOwned.Contains(id) && resolver.MergedAway(id) is not null)
            .ToDictionary(id => id, resolver.Canonical, StringComparer.Ordinal);
        string Own(string id) => rename.GetValueOrDefault(id) ?? id;

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in raw.Nodes)
        {
            if (notOwned.Contains(n.Id))
            {
                continue;
            }

            if (rename.TryGetValue(n.Id, out var into))
            {
                var merge = resolver.MergedAway(n.Id)!;
                var props = n.Properties.Where(kv => !IdentityKeys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                props["id"] = into;
                props["mergedFrom"] = merge.From;
                nodes.TryAdd(into, new GraphNode(into, n.Label, null, props));
                continue;
            }

            if (own.Contains(n.Id) && resolver.MergesInto(n.Id) is { Count: > 0 } merges)
            {
                var props = new Dictionary<string, object?>(n.Properties, StringComparer.Ordinal)
                {
                    ["aliases"] = string.Join("; ", merges.Select(m => m.From)),
                    ["mergeMethod"] = string.Join("; ", merges.Select(m => m.Method).Distinct(StringComparer.Ordinal)),
                    ["mergeConfidence"] = merges.Min(m => m.Confidence),
                    ["mergeEvidence"] = string.Join(" | ", merges.Select(m => $"{m.From}: {m.Evidence}")),
                };
                nodes.TryAdd(n.Id, n with { Properties = props });
                continue;
            }

            // An undated Handelingen item takes its sitting's day (the XML gives it only in the first item).
            if (n.Label == NodeLabel.Handelingen && own.Contains(n.Id) && !n.Properties.ContainsKey("date") && resolver.SittingDate(n.Id) is { } day)
            {
                nodes.TryAdd(n.Id, n with { Properties = new Dictionary<string, object?>(n.Properties, StringComparer.Ordinal) { ["date"] = day, ["sittingDate"] = true } });
                continue;
            }

            nodes.TryAdd(n.Id, n);
        }

        var docDates = raw.Nodes.Where(n => own.Contains(n.Id))
            .ToDictionary(n => n.Id, n => n.Properties.GetValueOrDefault("date") as string ?? (n.Label == NodeLabel.Handelingen ? resolver.SittingDate(n.Id) : null), StringComparer.Ordinal);

        var edges = new List<GraphEdge>(raw.Edges.Count);
        foreach (var e in raw.Edges)
        {
            if (notOwned.Contains(e.Source))
            {
                continue;
            }

            var source = own.Contains(e.Source) ? Own(e.Source) : Canonical(e.Source, resolver);
            var target = e.Target == e.Source ? source : own.Contains(e.Target) ? Own(e.Target) : Canonical(e.Target, resolver);
            if (e.Type != EdgeType.Cites)
            {
                edges.Add(source == e.Source && target == e.Target ? e : new GraphEdge(source, target, e.Type, e.Properties));

                // A vote recorded on a motion the corpus does not hold (a lapsed motion listed by number) still has its node.
                if (e.Type is EdgeType.RecordsVote or EdgeType.Voted && !own.Contains(e.Target) && !nodes.ContainsKey(target) && !resolver.IsDocument(target))
                {
                    nodes[target] = Placeholder(target, "motion", null);
                }

                continue;
            }

            var cite = Link(CitesEdge.From(e) with { Source = source, Target = target }, e.Target, docDates.GetValueOrDefault(e.Source), resolver);

            // A document does not cite itself (an alias of its own id written in its text, a motion resolved to itself).
            if (cite.Target == source)
            {
                continue;
            }

            edges.Add(cite.ToEdge());
            if (!nodes.ContainsKey(cite.Target) && !resolver.IsDocument(cite.Target))
            {
                var placeholder = Placeholder(cite.Target, cite.Kind, cite.Sponsor);
                if (cite.Candidates is { } candidates)
                {
                    placeholder = placeholder with { Properties = new Dictionary<string, object?>(placeholder.Properties, StringComparer.Ordinal) { ["candidates"] = candidates } };
                }

                nodes[cite.Target] = placeholder;
            }
        }

        // Endpoints of structural edges (IN_DOSSIER from a cited kst, SUBMITTED_BY from a cited motion) that are neither in the
        // corpus nor asserted here are placeholders too, so every edge has both ends.
        foreach (var e in edges)
        {
            foreach (var end in new[] { e.Source, e.Target })
            {
                if (!nodes.ContainsKey(end) && !resolver.IsDocument(end))
                {
                    nodes[end] = Placeholder(end, null, null);
                }
            }
        }

        // Nodes asserted here for documents the corpus holds elsewhere are kept only when this file owns them.
        var ids = raw.DocumentIds.Where(id => !notOwned.Contains(id)).Select(Own).Distinct(StringComparer.Ordinal).ToList();
        return new DocumentFacts(raw.File, ids, [.. nodes.Values], edges);
    }

    /// <summary>
    /// Resolves one CITES edge: an unnumbered motion by scored evidence, a letter by date and sender, an alias to its
    /// document; says how (method, confidence, evidence) and keeps the raw target as <see cref="CitesEdge.Cited"/>.
    /// </summary>
    private static CitesEdge Link(CitesEdge cite, string raw, string? citingDate, Resolver resolver)
    {
        if (NodeIds.IsUnnumberedMotion(raw))
        {
            var sponsors = cite.SponsorList.Count > 0 ? cite.SponsorList : [raw[NodeIds.UnnumberedMotionPrefix.Length..]];
            var context = (cite.Context ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var match = resolver.ResolveMotion(sponsors, cite.DocDate ?? citingDate, context);
            if (match.Id is { } motion)
            {
                return cite with { Target = resolver.Canonical(motion), Cited = raw, Method = LinkMethod.SponsorSubjectDate, Confidence = Math.Round(match.Score, 3), Evidence = match.Evidence };
            }

            // Never joined with other mentions on a surname: the mention is its own placeholder.
            return cite with
            {
                Target = $"{raw}@{cite.Source}",
                Cited = raw,
                Method = LinkMethod.Unresolved,
                Candidates = match.Candidates.Count > 0 ? Candidates(match) : null,
                Evidence = match.Candidates.Count > 0
                    ? $"best candidate scored {match.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}, below what links: {match.Evidence}"
                    : match.Evidence,
            };
        }

        if (raw.StartsWith("letter:", StringComparison.Ordinal))
        {
            var letter = resolver.ResolveLetter(raw, cite.Reference, cite.Subject, cite.Source);
            var target = resolver.Resolve(letter.Id) ?? letter.Id;
            return cite with
            {
                Target = target,
                Cited = raw,
                Method = letter.Method,
                Confidence = Math.Round(Math.Min(letter.Confidence, cite.Confidence), 3),
                Evidence = target != letter.Id ? $"{letter.Evidence}; the letter is in the corpus" : letter.Evidence,
            };
        }

        return cite.Target == raw ? cite : cite with { Cited = raw, Method = LinkMethod.Alias, Evidence = $"{raw} is another name of {cite.Target}" };
    }

    /// <summary>The letter mentions among a file's raw facts, for <see cref="Resolver.Create"/>.</summary>
    public static IEnumerable<LetterMention> LetterMentions(DocumentFacts raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Edges
            .Where(e => e.Type == EdgeType.Cites && e.Target.StartsWith("letter:", StringComparison.Ordinal))
            .Select(e => new LetterMention(e.Target, e.Properties.GetValueOrDefault("reference") as string, e.Properties.GetValueOrDefault("subject") as string, e.Source));
    }

    /// <summary>The candidates of an unresolved motion mention as one line: "kst-… (0.52); zaak:… (0.41)".</summary>
    private static string Candidates(MotionMatch match) =>
        string.Join("; ", match.Candidates.Take(3).Select(c => $"{c.Id} ({c.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})"));

    /// <summary>A placeholder node for a cited id that is not in the corpus.</summary>
    public static GraphNode Placeholder(string id, string? citationKind, string? sponsor)
    {
        ArgumentNullException.ThrowIfNull(id);
        var kind = Kinds.CitationKinds.PlaceholderKind(id, citationKind);
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["kind"] = kind,
            ["placeholder"] = true,
        };
        if (Kinds.CitationKinds.OfficialUrl(id) is { } url)
        {
            props["url"] = url;
        }

        if (sponsor is not null)
        {
            props["sponsor"] = sponsor;
        }

        var name = Kinds.CitationKinds.PlaceholderName(id, sponsor);
        return new GraphNode(id, NodeLabel.Placeholder, name, props);
    }

    private static string Canonical(string id, Resolver resolver) =>
        id.StartsWith("dossier:", StringComparison.Ordinal) || id.Contains(':', StringComparison.Ordinal) && !id.StartsWith("letter:", StringComparison.Ordinal) && !id.StartsWith("ECLI:", StringComparison.Ordinal)
            ? resolver.Canonical(id)
            : resolver.Resolve(id) ?? id;
}
